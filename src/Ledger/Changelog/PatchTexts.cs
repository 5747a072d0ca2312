using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;

namespace Ledger.Changelog;

/// <summary>What each patch of a version says (commit message, added comments), from the decision's rationale revisions.</summary>
public sealed class PatchTexts(SeriesLineage lineage, DecisionRationale? decision)
{
    public VersionEntry? Version(int n) => lineage.Versions.LastOrDefault(v => v.Version == n);

    /// <summary>Blocks as stated by version n: the latest revision at or before n (unchanged versions append none).</summary>
    public IReadOnlyList<RationaleBlock> Blocks(int n) =>
        decision?.Revisions.Where(r => r.Version <= n).OrderBy(r => r.Version).LastOrDefault()?.Blocks ?? [];

    public IEnumerable<RationaleBlock> BlocksOf(int n, PatchRef patch) => Blocks(n).Where(b => b.PatchMessageId == patch.MessageId);

    /// <summary>The patch of version `to` that continues `patch` of an earlier version: similar title, else the same slot.</summary>
    public static PatchRef? Counterpart(PatchRef patch, VersionEntry to)
    {
        var title = Core.Review.Parsing.Subjects.NormalizeTitle(patch.Title);
        var best = to.Patches.MaxBy(p => Core.Text.Words.Jaccard(Core.Review.Parsing.Subjects.NormalizeTitle(p.Title), title));
        if (best is not null && Core.Text.Words.Jaccard(Core.Review.Parsing.Subjects.NormalizeTitle(best.Title), title) >= 0.4) return best;
        return to.Patches.FirstOrDefault(p => p.Index == patch.Index && p.Total == patch.Total);
    }

    public static string Slot(PatchRef p) => p.Total > 0 ? $"{p.Index}/{p.Total}" : "patch";
}
