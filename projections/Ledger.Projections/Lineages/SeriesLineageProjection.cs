using JasperFx.Events;
using Ledger.Core.Review;
using Marten.Events.Aggregation;

namespace Ledger.Projections.Lineages;

/// <summary>Inline: `ledger series` and `acts` read it straight after an import.</summary>
public sealed class SeriesLineageProjection : SingleStreamProjection<SeriesLineage, string>
{
    public static SeriesLineage Create(IEvent<LineageInterpreted> e) => new SeriesLineage { Id = e.StreamKey! }.When(e.Data);
    public SeriesLineage Apply(LineageMerged e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(LineageInterpreted e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(SeriesVersionPosted e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(ReviewActDetected e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(ReviewActResolved e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(TrailerGiven e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(SeriesApplied e, SeriesLineage doc) => doc.When(e);
    public SeriesLineage Apply(TrailerWithdrawn e, SeriesLineage doc) => doc.When(e);
}
