using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Text;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;

namespace Ledger.Changelog;

/// <summary>What each patch of a version says (commit message, added comments), from the decision's rationale revisions.</summary>
public sealed class PatchTexts(SeriesLineage lineage, DecisionRationale? decision)
{
    public VersionEntry? Version(int n) => lineage.Versions.LastOrDefault(v => v.Version == n);

    /// <summary>The revision in force at version n: the latest at or before n (a version whose text is unchanged appends none).</summary>
    private RationaleRevised? Revision(int n) => decision?.Revisions.Where(r => r.Version <= n).OrderBy(r => r.Version).LastOrDefault();

    /// <summary>Blocks as stated by version n.</summary>
    public IReadOnlyList<RationaleBlock> Blocks(int n) => Revision(n)?.Blocks ?? [];

    /// <summary>
    /// The blocks of one patch of version n. A version that restated an earlier text has no revision of its own: the
    /// blocks in force name the earlier version's messages, so the patch's are found by its slot.
    /// </summary>
    public IEnumerable<RationaleBlock> BlocksOf(int n, PatchRef patch)
    {
        if (Revision(n) is not { } revision) return [];
        if (revision.Version == n) return revision.Blocks.Where(b => b.PatchMessageId == patch.MessageId);
        var slot = Slot(patch) + " ";
        return revision.Blocks.Where(b => b.Label.StartsWith(slot, StringComparison.Ordinal));
    }

    /// <summary>The patch of version `to` that continues `patch` of an earlier version: similar title, else the same slot.</summary>
    public static PatchRef? Counterpart(PatchRef patch, VersionEntry to) => Counterpart(patch, TitleWords(patch), to, to.Patches.Select(TitleWords).ToList());

    /// <summary>Counterpart of each patch of `from`, in order; every title is tokenised once, not once per pair.</summary>
    public static List<PatchRef?> Counterparts(VersionEntry from, VersionEntry to)
    {
        var titles = to.Patches.Select(TitleWords).ToList();
        return from.Patches.Select(p => Counterpart(p, TitleWords(p), to, titles)).ToList();
    }

    private static PatchRef? Counterpart(PatchRef patch, HashSet<string> title, VersionEntry to, List<HashSet<string>> titles)
    {
        // The first best, as MaxBy would pick it.
        var (best, score) = (-1, double.NegativeInfinity);
        for (var i = 0; i < titles.Count; i++)
            if (Words.Jaccard(titles[i], title) is var s && s > score) (best, score) = (i, s);
        if (best >= 0 && score >= 0.4) return to.Patches[best];
        // A retitled patch keeps its place and its files; a patch in the same place touching other files replaced it.
        return to.Patches.FirstOrDefault(p => p.Index == patch.Index && p.Total == patch.Total
            && (p.Files.Length == 0 || patch.Files.Length == 0 || p.Files.Intersect(patch.Files).Any()));
    }

    private static HashSet<string> TitleWords(PatchRef p) => Words.Tokens(Subjects.NormalizeTitle(p.Title)).ToHashSet();

    public static string Slot(PatchRef p) => p.Total > 0 ? $"{p.Index}/{p.Total}" : "patch";
}
