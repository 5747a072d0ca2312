using System.Security.Cryptography;
using System.Text;

namespace Ledger.Core.Decisions;

public static class DecisionIds
{
    /// <summary>Detected decisions are named after their lineage, so a reindex finds the same decision (and its curations) again.</summary>
    public static string ForLineage(string lineageId) =>
        "D-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lineageId.ToLowerInvariant())))[..10];
}
