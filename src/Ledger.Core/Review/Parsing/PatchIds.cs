using System.Security.Cryptography;
using System.Text;

namespace Ledger.Core.Review.Parsing;

/// <summary>
/// A content hash of a diff in the spirit of `git patch-id --stable`: whitespace and line numbers are ignored,
/// and per-file hashes are summed so file order does not matter. Not byte-identical to git's value.
/// </summary>
public static class PatchIds
{
    public static string? Compute(IReadOnlyList<RawFileDiff> files)
    {
        if (files.Count == 0) return null;
        var total = new byte[20];
        var any = false;
        foreach (var f in files)
        {
            var sb = new StringBuilder();
            sb.Append("a/").Append(f.IsNew ? "/dev/null" : f.OldPath).Append('\n');
            sb.Append("b/").Append(f.IsDeleted ? "/dev/null" : f.NewPath).Append('\n');
            if (f.IsBinary) sb.Append("binary\n");
            foreach (var h in f.Hunks)
                foreach (var line in h.Lines)
                    AppendWithoutWhitespace(sb, line);
            if (f.Hunks.Count == 0 && !f.IsBinary && !f.IsRename && !f.IsNew && !f.IsDeleted) continue; // mode-only changes carry no content
            any = true;
            AddWithCarry(total, SHA1.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
        }
        return any ? Convert.ToHexStringLower(total) : null;
    }

    /// <summary>The line with its whitespace removed and a newline, unless nothing is left; appended in runs, not char by char.</summary>
    private static void AppendWithoutWhitespace(StringBuilder sb, string line)
    {
        var before = sb.Length;
        var i = 0;
        while (i < line.Length)
        {
            if (char.IsWhiteSpace(line[i])) { i++; continue; }
            var start = i;
            while (i < line.Length && !char.IsWhiteSpace(line[i])) i++;
            sb.Append(line, start, i - start);
        }
        if (sb.Length > before) sb.Append('\n');
    }

    // Same idea as git's flush_one_hunk: add digests as little-endian big numbers so the sum is order-independent.
    private static void AddWithCarry(byte[] acc, byte[] digest)
    {
        var carry = 0;
        for (var i = 0; i < acc.Length; i++)
        {
            var v = acc[i] + digest[i] + carry;
            acc[i] = (byte)v;
            carry = v >> 8;
        }
    }
}
