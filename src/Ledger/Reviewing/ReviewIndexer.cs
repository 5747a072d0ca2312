using System.Diagnostics;
using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Projections.Lineages;
using Marten;

namespace Ledger.Reviewing;

/// <summary>
/// The I/O edge of review understanding: re-derive interpretations from archived mail and append only what changed.
/// A lineage whose digest is unchanged gets nothing, so a reindex with the same extractors is a no-op.
/// </summary>
public static class ReviewIndexer
{
    public sealed record Outcome(int Lineages, int Changed, int Merged, int Events, TimeSpan Elapsed);

    public static async Task<Outcome?> UnderstandAsync(IDocumentStore store, IReadOnlyCollection<string> newMessageIds, TextWriter log, CancellationToken ct)
    {
        if (newMessageIds.Count == 0) return null;
        var outcome = await ReindexAsync(store, ct);
        await log.WriteLineAsync($"understood {outcome.Lineages} lineages: {outcome.Changed} (re)interpreted, {outcome.Merged} merged, {outcome.Events} events in {outcome.Elapsed.TotalSeconds:F1} s");
        return outcome;
    }

    public static async Task<Outcome> ReindexAsync(IDocumentStore store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var mails = await ArchivedMail.LoadAllAsync(store, ct);
        var interpretations = Interpretation.Interpret(mails);
        await using var query = store.QuerySession();
        var existing = (await query.Query<SeriesLineage>().Select(l => new { l.Id, l.Digest, l.MergedInto }).ToListAsync(ct))
            .ToDictionary(l => l.Id, l => (l.Digest, l.MergedInto));

        var changed = interpretations.Where(i => !existing.TryGetValue(Stream(i.LineageId), out var e) || e.Digest != i.Digest || e.MergedInto is not null).ToList();
        var live = interpretations.Select(i => Stream(i.LineageId)).ToHashSet();
        var lineageOfMessage = interpretations.SelectMany(i => i.MessageKeys.Select(k => (k, i.LineageId))).GroupBy(x => x.k).ToDictionary(g => g.Key, g => g.First().LineageId);
        var merges = existing.Where(e => !live.Contains(e.Key) && e.Value.MergedInto is null).Select(e => e.Key).ToList();

        var events = 0;
        foreach (var chunk in changed.Chunk(200))
        {
            await using var session = store.LightweightSession();
            foreach (var i in chunk)
            {
                session.Events.Append(Stream(i.LineageId), i.Events.ToArray());
                events += i.Events.Count;
            }
            await session.SaveChangesAsync(ct);
        }
        if (merges.Count > 0)
        {
            await using var session = store.LightweightSession();
            foreach (var stream in merges)
            {
                var oldId = stream["lineage:".Length..];
                var into = lineageOfMessage.GetValueOrDefault(Ledger.Core.Archive.MessageIds.Key(oldId)) ?? "";
                session.Events.Append(stream, new LineageMerged(oldId, into),
                    new DecisionStatusDetected(DecisionIds.ForLineage(oldId), oldId, "superseded", oldId, "ledger", DateTimeOffset.UnixEpoch, Provenance.Of("lineage.merged")));
                events += 2;
            }
            await session.SaveChangesAsync(ct);
        }
        return new Outcome(interpretations.Count, changed.Count, merges.Count, events, clock.Elapsed);
    }

    public static string Stream(string lineageId) => "lineage:" + lineageId;
}
