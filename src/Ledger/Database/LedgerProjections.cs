using JasperFx.Events.Projections;
using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;
using Marten;

namespace Ledger.Database;

public static class LedgerProjections
{
    /// <summary>Every event the projections read: lineage events (<see cref="ILineageEvent"/>) and decision events (<see cref="IDecisionEvent"/>).</summary>
    public static readonly Type[] EventTypes =
    [
        typeof(LineageInterpreted), typeof(LineageMerged), typeof(SeriesVersionPosted), typeof(ReviewActDetected), typeof(ReviewActResolved),
        typeof(TrailerGiven), typeof(TrailerWithdrawn), typeof(SeriesApplied), typeof(DecisionDetected), typeof(RationaleRevised), typeof(DecisionEvidenceFound),
        typeof(DecisionStatusDetected), typeof(DecisionOpened), typeof(DecisionRationaleAmended), typeof(DecisionEvidenceLinked),
        typeof(DecisionEvidenceUnlinked), typeof(DecisionAccepted), typeof(DecisionRejected), typeof(DecisionSuperseded),
    ];

    public static void Register(StoreOptions opts)
    {
        opts.Events.AddEventTypes(EventTypes);
        // Inline: a query straight after an import or a `ledger decide` must see its own write.
        opts.Projections.Add<SeriesLineageProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<DecisionRationaleProjection>(ProjectionLifecycle.Inline);
        // Full-text search over decisions: a stored tsvector column with its own GIN index (Queries/SearchIndex.cs).
        opts.Schema.For<SeriesLineage>().Duplicate(x => x.LineageId).GinIndexJsonData();
    }
}
