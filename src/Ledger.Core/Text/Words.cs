using System.Text;
using System.Text.RegularExpressions;

namespace Ledger.Core.Text;

/// <summary>Word-level similarity used to recognise the same rationale, reworded, across versions and patches.</summary>
public static partial class Words
{
    [GeneratedRegex(@"[A-Za-z0-9_]+(?:[-'][A-Za-z0-9_]+)*")]
    private static partial Regex WordPattern();

    public static List<string> Tokens(string text) => WordPattern().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>Share of the proposal's distinct words found in the candidate: "most of it appears" reads as containment, not symmetry.</summary>
    public static double Containment(string proposal, string candidate)
    {
        var p = Tokens(proposal).Where(t => t.Length > 2).ToHashSet();
        if (p.Count == 0) return 0;
        var c = Tokens(candidate).ToHashSet();
        return (double)p.Count(c.Contains) / p.Count;
    }

    public static double Jaccard(string a, string b) => Jaccard(Tokens(a).ToHashSet(), Tokens(b).ToHashSet());

    /// <summary>For callers comparing each of many texts with many others: tokenise once, compare sets.</summary>
    public static double Jaccard(IReadOnlySet<string> x, IReadOnlySet<string> y)
    {
        if (x.Count == 0 && y.Count == 0) return 1;
        var inter = x.Count(y.Contains);
        return (double)inter / (x.Count + y.Count - inter);
    }

    /// <summary>A word diff in git's --word-diff=plain notation: [-removed-]{+added+}. Longest-common-subsequence on words.</summary>
    public static string Diff(string before, string after, int maxWords = 1500)
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

    public static string FirstSentences(string text, int maxChars = 240)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars) return flat;
        var cut = flat.LastIndexOfAny(['.', '?', '!'], maxChars);
        return cut > maxChars / 3 ? flat[..(cut + 1)] : flat[..maxChars].TrimEnd() + "...";
    }
}
