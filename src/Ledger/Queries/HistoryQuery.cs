using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Core.Text;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;
using Marten;

namespace Ledger.Queries;

/// <summary>`ledger history`: the whole timeline of a lineage — versions, every review act and its resolution, the decision's steps.</summary>
public static class HistoryQuery
{
    public sealed record Timeline(string Lineage, string Subject, string? DecisionId, string? Status, IReadOnlyList<HistoryLine> Entries);

    public static async Task<Timeline> RunAsync(IQuerySession session, string spec, AsOf asOf, CancellationToken ct)
    {
        var lineage = await Lookup.LineageAsync(session, spec, ct);
        var decision = await session.LoadAsync<DecisionRationale>(DecisionIds.ForLineage(lineage.LineageId), ct);
        return Build(lineage, decision, asOf);
    }

    public static Timeline Build(SeriesLineage lineage, DecisionRationale? decision, AsOf asOf)
    {
        var view = decision is null ? null : DecisionView.Of(decision, asOf);
        var entries = new List<HistoryLine>(view?.History ?? []);
        var told = entries.Where(e => e.MessageId is not null).Select(e => (e.MessageId!, e.Kind)).ToHashSet();
        var postedAt = lineage.Versions.SelectMany(v => v.Patches.Select(p => (p.MessageId, v.Date)).Append((v.CoverMessageId ?? "", v.Date)))
            .GroupBy(x => x.Item1).ToDictionary(g => g.Key, g => g.First().Date);
        foreach (var a in lineage.Acts.Where(a => asOf.Includes(a.Act.Date, a.Act.Version)))
        {
            if (!told.Contains((a.Act.MessageId, a.Act.Type)))
            {
                told.Add((a.Act.MessageId, a.Act.Type));
                entries.Add(new HistoryLine(a.Act.Date, a.Act.Author, a.Act.MessageId, a.Act.Version, a.Act.Type, Words.FirstSentences(a.Act.Text),
                    MessageIds.LoreLink(a.Act.MessageId), "mail", a.Act.Provenance.Rule));
            }
            if (a.Resolution is { Status: "addressed", EvidenceMessageId: { } e } r && postedAt.TryGetValue(e, out var when) && asOf.Includes(when))
                entries.Add(new HistoryLine(when, lineage.Author, e, null, "resolved",
                    $"{a.Act.Author}'s {a.Act.Type} addressed ({r.Reason})", MessageIds.LoreLink(e), "mail", r.Provenance.Rule));
        }
        var ordered = entries.DistinctBy(e => (e.MessageId, e.Kind, e.Summary)).OrderBy(e => e.Date).ThenBy(e => e.Version ?? 0).ToList();
        return new Timeline(lineage.LineageId, lineage.Subject, decision?.Id, view?.Status, ordered);
    }
}
