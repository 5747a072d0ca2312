using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;

namespace Ledger.Queries;

/// <summary>A lineage and its decision as they stood at a date: later versions, acts, resolutions and trailers removed.</summary>
public static class LineageAsOf
{
    public static SeriesLineage Filter(SeriesLineage l, AsOf asOf)
    {
        if (asOf.Date is null) return l;
        var versions = l.Versions.Where(v => asOf.Includes(v.Date)).ToList();
        var known = versions.SelectMany(v => v.Patches.Select(p => p.MessageId)).ToHashSet();
        return new SeriesLineage
        {
            Id = l.Id, LineageId = l.LineageId, Digest = l.Digest, MergedInto = l.MergedInto, MessageKeys = l.MessageKeys,
            Versions = versions,
            Acts = l.Acts.Where(a => asOf.Includes(a.Act.Date)).Select(a => new ActEntry
            {
                Act = a.Act,
                Resolution = a.Resolution is { EvidenceMessageId: { } e } r && !known.Contains(e) && r.Status is "addressed" or "not-addressed" ? null : a.Resolution,
            }).ToList(),
            Trailers = l.Trailers.Where(t => asOf.Includes(t.Date)).ToList(),
            Withdrawals = l.Withdrawals.Where(w => asOf.Includes(w.Date)).ToList(),
            Applied = l.Applied.Where(a => asOf.Includes(a.Date)).ToList(),
        };
    }

    public static DecisionRationale? Filter(DecisionRationale? d, AsOf asOf)
    {
        if (d is null || asOf.Date is null) return d;
        return new DecisionRationale
        {
            Id = d.Id, LineageId = d.LineageId, Title = d.Title, Scope = d.Scope, CuratedTitle = d.CuratedTitle, Unlinked = d.Unlinked,
            Revisions = d.Revisions.Where(r => asOf.Includes(r.Date)).ToList(),
            History = d.History.Where(h => asOf.Includes(h.Date)).ToList(),
            Statuses = d.Statuses.Where(s => asOf.Includes(s.Date)).ToList(),
            Curated = d.Curated.Where(h => asOf.Includes(h.Date)).ToList(),
            CuratedRationales = d.CuratedRationales.Where(c => asOf.Includes(c.At)).ToList(),
        };
    }
}
