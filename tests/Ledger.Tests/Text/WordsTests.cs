using System.Text;
using System.Text.RegularExpressions;
using Ledger.Core.Text;

namespace Ledger.Tests.Text;

/// <summary>The fast word scan and the bit-row word diff must answer exactly as the plain definitions do.</summary>
public class WordsTests
{
    [Fact]
    public void TokensAreWhatTheWordPatternMatches()
    {
        var random = new Random(7);
        // ASCII word characters, the two joiners, separators, and letters that lower-case into ASCII (Kelvin sign, dotted I).
        const string alphabet = "abcXYZ09_-'- .,:;()\n\t\u00e9\u212a\u0130";
        for (var n = 0; n < 5000; n++)
        {
            // Now and then a word longer than the set's stack buffer.
            var length = n % 50 == 0 ? random.Next(60, 200) : random.Next(0, 40);
            var letters = n % 50 == 0 ? "aBc-" : alphabet;
            var text = new string(Enumerable.Range(0, length).Select(_ => letters[random.Next(letters.Length)]).ToArray());
            var expected = Regex.Matches(text, @"[A-Za-z0-9_]+(?:[-'][A-Za-z0-9_]+)*").Select(m => m.Value.ToLowerInvariant()).ToList();
            Assert.Equal(expected, Words.Tokens(text));
            Assert.True(expected.ToHashSet().SetEquals(Words.Set(text)));
        }
    }

    [Fact]
    public void SimilaritiesOnWordSetsEqualThoseOnTexts()
    {
        const string a = "Don't flush the TLB on every write-combining map; it's slow", b = "flush the tlb once per map, not per write";
        Assert.Equal(Words.Jaccard(a, b), Words.Jaccard(Words.Set(a), Words.Set(b)));
        Assert.Equal(Words.Containment(a, b), Words.Containment(Words.Set(a), Words.Set(b)));
        Assert.Equal(1.0, Words.Jaccard("", "..."));
        Assert.Equal(0.0, Words.Containment("a b", "a b"));
    }

    [Fact]
    public void DiffIsTheFullTableWalk()
    {
        var random = new Random(11);
        string[] vocabulary = ["the", "fix", "map", "tlb", "a", "of", "flush", "write", "x"];
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        for (var n = 0; n < 3000; n++)
        {
            // Mostly short texts; some long enough for several 64-bit words a row, and some differing only at their ends.
            var longer = n % 10 == 0 ? 200 : 12;
            var shared = Text(random.Next(0, 8));
            var before = (shared + " " + Text(random.Next(0, longer))).Trim();
            var after = n % 7 == 0 ? before + " " + Text(random.Next(0, 3)) : (shared + " " + Text(random.Next(0, longer))).Trim();
            var max = random.Next(0, 3) == 0 ? random.Next(1, 150) : 1500;
            Assert.Equal(FullTableDiff(before, after, max), WordDiff.Between(before, after, max));
        }
    }

    /// <summary>The definition: the whole longest-common-subsequence table, walked taking matches, then additions on ties.</summary>
    private static string FullTableDiff(string before, string after, int maxWords)
    {
        var a = before.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(maxWords).ToArray();
        var b = after.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(maxWords).ToArray();
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var sb = new StringBuilder();
        int x = 0, y = 0;
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            if (removed.Count > 0) sb.Append("[-").Append(string.Join(' ', removed)).Append("-] ");
            if (added.Count > 0) sb.Append("{+").Append(string.Join(' ', added)).Append("+} ");
            removed.Clear(); added.Clear();
        }
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { Flush(); sb.Append(a[x]).Append(' '); x++; y++; }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) added.Add(b[y++]);
            else removed.Add(a[x++]);
        }
        Flush();
        return sb.ToString().TrimEnd();
    }
}
