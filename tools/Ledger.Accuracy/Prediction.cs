using Ledger.Core.Archive;
using Ledger.Core.Review;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Text;

namespace Ledger.Accuracy;

/// <summary>Where a posting landed in the interpretation: its lineage, version, slot, and the patch chain it continues.</summary>
public sealed record PostingPlace(string LineageId, int Version, int Index, int Total, bool IsCover, string Chain);

/// <summary>What <see cref="Interpretation.Interpret"/> derived, indexed by message key for scoring.</summary>
public sealed class Prediction
{
    public IReadOnlyList<LineageInterpretation> Lineages { get; }
    public Dictionary<string, PostingPlace> Postings { get; } = new();
    public Dictionary<string, List<ReviewActDetected>> ActsByMessage { get; } = new();
    public Dictionary<string, ReviewActResolved> ResolutionByAct { get; } = new();
    public List<TrailerGiven> Trailers { get; } = [];
    public List<TrailerWithdrawn> Withdrawals { get; } = [];
    public Dictionary<string, SeriesVersionPosted> VersionOfPatch { get; } = new();

    public Prediction(IReadOnlyList<LineageInterpretation> lineages)
    {
        Lineages = lineages;
        foreach (var lineage in lineages)
        {
            var versions = lineage.Events.OfType<SeriesVersionPosted>().ToList();
            var chains = PatchChains(versions);
            foreach (var v in versions)
            {
                if (v.CoverMessageId is { } cover)
                    Postings.TryAdd(MessageIds.Key(cover), new PostingPlace(lineage.LineageId, v.Version, 0, v.Patches.Length, true, lineage.LineageId + "#cover"));
                foreach (var p in v.Patches)
                {
                    Postings.TryAdd(MessageIds.Key(p.MessageId), new PostingPlace(lineage.LineageId, v.Version, p.Index, p.Total, false, chains[p.MessageId]));
                    VersionOfPatch.TryAdd(MessageIds.Key(p.MessageId), v);
                }
            }
            foreach (var e in lineage.Events)
                switch (e)
                {
                    case ReviewActDetected a:
                        var key = MessageIds.Key(a.MessageId);
                        if (!ActsByMessage.TryGetValue(key, out var list)) ActsByMessage[key] = list = [];
                        list.Add(a);
                        break;
                    case ReviewActResolved r: ResolutionByAct[r.ActId] = r; break;
                    case TrailerGiven t: Trailers.Add(t); break;
                    case TrailerWithdrawn w: Withdrawals.Add(w); break;
                }
        }
    }

    public IReadOnlySet<string> ActTypesOf(string messageId) =>
        ActsByMessage.TryGetValue(MessageIds.Key(messageId), out var acts) ? acts.Select(a => a.Type).ToHashSet() : new HashSet<string>();

    public IReadOnlyList<ReviewActDetected> ActsOf(string messageId) =>
        ActsByMessage.TryGetValue(MessageIds.Key(messageId), out var acts) ? acts : [];

    /// <summary>
    /// Patch-level continuity inside a lineage: each patch continues the patch of the nearest earlier version whose counterpart it is
    /// (same rule as SeriesVersion.Counterpart: best title match with Jaccard ≥ 0.4, or the only patch of a single-patch version).
    /// </summary>
    private static Dictionary<string, string> PatchChains(List<SeriesVersionPosted> versions)
    {
        var ordered = versions.OrderBy(v => v.Version).ThenBy(v => v.Date).ToList();
        var chain = new Dictionary<string, string>();
        for (var i = 0; i < ordered.Count; i++)
            foreach (var p in ordered[i].Patches)
            {
                string? found = null;
                for (var j = i - 1; j >= 0 && found is null; j--)
                    foreach (var earlier in ordered[j].Patches)
                        if (Counterpart(ordered[i], earlier) == p && chain.TryGetValue(earlier.MessageId, out var c)) { found = c; break; }
                chain[p.MessageId] = found ?? p.MessageId;
            }
        return chain;
    }

    private static PatchRef? Counterpart(SeriesVersionPosted later, PatchRef earlier)
    {
        var title = Subjects.NormalizeTitle(earlier.Title);
        var best = later.Patches.MaxBy(p => Words.Jaccard(Subjects.NormalizeTitle(p.Title), title));
        return best is not null && Words.Jaccard(Subjects.NormalizeTitle(best.Title), title) >= 0.4 ? best
            : later.Patches.Length == 1 && later.Patches[0].Total <= 1 ? later.Patches[0] : null;
    }
}
