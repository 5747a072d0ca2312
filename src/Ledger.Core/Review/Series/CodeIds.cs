using System.Security.Cryptography;
using System.Text;
using Ledger.Core.Review.Parsing;

namespace Ledger.Core.Review.Series;

/// <summary>
/// A fingerprint of the code a patch changes, leaving out comment lines and whitespace: a reworded comment changes
/// the patch-id but not this, so "code changed" and "comment reworded" stay separate claims in a changelog.
/// </summary>
public static class CodeIds
{
    public static string? Of(PatchBody patch)
    {
        if (patch.Files.Count == 0) return null;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in patch.Files.OrderBy(f => f.NewPath, StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.NewPath + "\n"));
            foreach (var hunk in file.Hunks)
            {
                foreach (var line in hunk.Added.Where(IsCode)) sha.AppendData(Encoding.UTF8.GetBytes("+" + Squash(line) + "\n"));
                foreach (var line in hunk.Removed.Where(IsCode)) sha.AppendData(Encoding.UTF8.GetBytes("-" + Squash(line) + "\n"));
            }
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    private static bool IsCode(string line)
    {
        var t = line.Trim();
        return t.Length > 0 && !t.StartsWith("/*", StringComparison.Ordinal) && !t.StartsWith('*') && !t.StartsWith("//", StringComparison.Ordinal);
    }

    private static string Squash(string line) => string.Concat(line.Where(c => !char.IsWhiteSpace(c)));
}
