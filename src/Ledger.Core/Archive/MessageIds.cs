using System.Security.Cryptography;

namespace Ledger.Core.Archive;

public static class MessageIds
{
    /// <summary>Message-IDs are case-sensitive in theory and compared case-insensitively in practice (lore does too).</summary>
    public static string Key(string messageId) => Strip(messageId).ToLowerInvariant();

    public static string StreamKey(string messageId) => "msg:" + Key(messageId);

    public static string Strip(string messageId) => messageId.Trim().TrimStart('<').TrimEnd('>').Trim();

    /// <summary>A stable id for a message that has none: same bytes, same id, on every import.</summary>
    public static string Synthesize(string sha256) => $"{sha256[..32]}@{SyntheticDomain}";

    private const string SyntheticDomain = "ledger.synthetic";

    public static bool IsSynthetic(string messageId) => Strip(messageId).EndsWith("@" + SyntheticDomain, StringComparison.OrdinalIgnoreCase);

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The message on lore; none for an id Ledger made up (lore has no such message).</summary>
    public static string? LoreLink(string messageId) =>
        IsSynthetic(messageId) ? null : "https://lore.kernel.org/r/" + Uri.EscapeDataString(Strip(messageId)).Replace("%40", "@").Replace("%2B", "+");
}
