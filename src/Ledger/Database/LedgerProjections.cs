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
        // "Which lineage holds this Message-ID" (Queries/Lookup.cs) is the only containment query on lineages: a GIN over
        // that one member, not over every key of every act, which made the index half the documents' size and slowed
        // every write of a lineage. Full-text search over decisions has its own table (Queries/SearchIndex.cs).
        opts.Schema.For<SeriesLineage>().Duplicate(x => x.LineageId).GinIndexJsonDataMember(x => x.MessageKeys);
    }
}
