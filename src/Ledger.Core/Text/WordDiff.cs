using System.Numerics;
using System.Text;

namespace Ledger.Core.Text;

/// <summary>A word diff in git's --word-diff=plain notation: [-removed-]{+added+}. Longest-common-subsequence on words.</summary>
public static class WordDiff
{
    public static string Between(string before, string after, int maxWords = 1500)
    {
        var a = before.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(maxWords).ToArray();
        var b = after.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(maxWords).ToArray();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int[] Number(string[] words) => Array.ConvertAll(words, w => ids.TryGetValue(w, out var id) ? id : ids[w] = ids.Count);
        var (x, y) = (Number(a), Number(b));
        // The walk below takes a match whenever the words are equal, so a common opening is matched word for word
        // whatever the table holds: the table need only cover what follows it.
        var p = 0;
        while (p < x.Length && p < y.Length && x[p] == y[p]) p++;
        var lcs = new SuffixLcs(x[p..], y[p..]);

        var sb = new StringBuilder();
        int u = 0, v = 0;
        var removed = new List<string>();
        var added = new List<string>();
        void Flush()
        {
            if (removed.Count > 0) sb.Append("[-").Append(string.Join(' ', removed)).Append("-] ");
            if (added.Count > 0) sb.Append("{+").Append(string.Join(' ', added)).Append("+} ");
            removed.Clear(); added.Clear();
        }
        while (u < a.Length || v < b.Length)
        {
            if (u < a.Length && v < b.Length && x[u] == y[v]) { Flush(); sb.Append(a[u]).Append(' '); u++; v++; }
            else if (v < b.Length && (u == a.Length || lcs.Of(u - p, v + 1 - p) >= lcs.Of(u + 1 - p, v - p))) added.Add(b[v++]);
            else removed.Add(a[u++]);
        }
        Flush();
        return sb.ToString().TrimEnd();
    }

    /// <summary>
    /// The length of the longest common subsequence of a[i..] and b[j..], for every i and j: the numbers of the plain
    /// (|a|+1) × (|b|+1) table, kept as one row of bits per i (Allison–Dix, in Hyyrö's form), 64 cells a machine word.
    /// In the row of the t last words of a, bit k is clear when taking the (k+1)th last word of b as well lengthens the
    /// common subsequence, so a cell is a count of clear bits. Rationale texts run to 1500 words: the plain table was
    /// millions of cells per revision.
    /// </summary>
    private sealed class SuffixLcs
    {
        private readonly ulong[] _rows;
        private readonly int _words, _a, _b;

        public SuffixLcs(int[] a, int[] b)
        {
            (_a, _b) = (a.Length, b.Length);
            _words = Math.Max(1, (_b + 63) / 64);
            // Where each word occurs in b, counted from its end.
            var where = new Dictionary<int, ulong[]>();
            for (var k = 0; k < _b; k++)
            {
                if (!where.TryGetValue(b[_b - 1 - k], out var mask)) where[b[_b - 1 - k]] = mask = new ulong[_words];
                mask[k >> 6] |= 1UL << (k & 63);
            }
            _rows = new ulong[(_a + 1) * _words];
            Array.Fill(_rows, ulong.MaxValue, 0, _words);
            for (var t = 1; t <= _a; t++)
            {
                var (before, row) = ((t - 1) * _words, t * _words);
                if (!where.TryGetValue(a[_a - t], out var mask)) { Array.Copy(_rows, before, _rows, row, _words); continue; }
                // V' = (V + U) | (V - U) with U = V & mask; U's bits are V's, so V - U is V & ~U and only the sum carries.
                ulong carry = 0;
                for (var w = 0; w < _words; w++)
                {
                    var v = _rows[before + w];
                    var u = v & mask[w];
                    var sum = v + u;
                    var overflow = sum < v ? 1UL : 0UL;
                    sum += carry;
                    overflow |= sum < carry ? 1UL : 0UL;
                    _rows[row + w] = sum | (v & ~u);
                    carry = overflow;
                }
            }
        }

        /// <summary>The longest common subsequence of a[i..] and b[j..].</summary>
        public int Of(int i, int j)
        {
            var (row, bits) = ((_a - i) * _words, _b - j);
            var ones = 0;
            for (var w = 0; w < bits >> 6; w++) ones += BitOperations.PopCount(_rows[row + w]);
            if ((bits & 63) != 0) ones += BitOperations.PopCount(_rows[row + (bits >> 6)] & ((1UL << (bits & 63)) - 1));
            return bits - ones;
        }
    }
}
