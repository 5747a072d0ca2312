using System.Diagnostics;
using System.Text.Json;
using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;
using Marten;

namespace Ledger.Projecting;

/// <summary>Rebuilds the projections from the event log and checks them against an independent fold of their events.</summary>
public static class Projecting
{
    public sealed record Verification(int Checked, List<string> Mismatches);

    public static Task<TimeSpan> RebuildAsync(DocumentStore store, CancellationToken ct) => ProjectionRebuild.RunAsync(store, ct);

    public static async Task<Verification> VerifyAsync(DocumentStore store, CancellationToken ct)
    {
        var mismatches = new List<string>();
        var count = 0;
        await using var session = store.QuerySession();
        var lineages = await session.Query<SeriesLineage>().ToListAsync(ct);
        var decisions = (await session.Query<DecisionRationale>().ToListAsync(ct)).ToDictionary(d => d.Id);
        var options = new JsonSerializerOptions { WriteIndented = false };
        foreach (var stored in lineages)
        {
            var events = await session.Events.FetchStreamAsync(stored.Id, token: ct);
            var folded = new SeriesLineage { Id = stored.Id };
            foreach (var e in events.Where(e => e.Data is ILineageEvent)) folded.When(e.Data);
            count++;
            if (JsonSerializer.Serialize(folded, options) != JsonSerializer.Serialize(stored, options)) mismatches.Add(stored.Id);

            var decisionId = DecisionIds.ForLineage(stored.LineageId);
            if (!decisions.Remove(decisionId, out var decision)) { mismatches.Add(decisionId + " (missing)"); continue; }
            var curated = await session.Events.FetchStreamAsync(decisionId, token: ct);
            var foldedDecision = new DecisionRationale();
            foreach (var e in events.Concat(curated).OrderBy(e => e.Sequence).Where(e => e.Data is IDecisionEvent d && d.DecisionId == decisionId))
                foldedDecision.When(e.Data);
            count++;
            if (JsonSerializer.Serialize(foldedDecision, options) != JsonSerializer.Serialize(decision, options)) mismatches.Add(decisionId);
        }
        foreach (var (id, decision) in decisions)
        {
            var curated = await session.Events.FetchStreamAsync(id, token: ct);
            var folded = new DecisionRationale();
            foreach (var e in curated) folded.When(e.Data);
            count++;
            if (JsonSerializer.Serialize(folded, options) != JsonSerializer.Serialize(decision, options)) mismatches.Add(id);
        }
        return new Verification(count, mismatches);
    }
}
