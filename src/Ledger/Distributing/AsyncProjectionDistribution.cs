using Wolverine.Marten;

namespace Ledger.Distributing;

/// <summary>
/// Async projections over several nodes. Every worker node opts into Wolverine's managed event-subscription
/// distribution: the cluster leader treats each asynchronous projection or subscription shard of the store as an
/// agent and assigns the agents evenly over the living nodes of the service, moving them when a node joins or dies
/// (this replaces Marten's own HotCold daemon, which runs everything on one node). Today the ledger's projections
/// are Inline (LedgerProjections: a query right after an import must see its own write), so there are no agents to
/// distribute and the switch is dormant; a projection registered with ProjectionLifecycle.Async would be picked up
/// by the worker nodes without further configuration here. Never combine it with Marten's AddAsyncDaemon(Solo or
/// HotCold): Wolverine refuses that at start (ManagedDistributionDaemonModeValidator).
/// </summary>
public static class AsyncProjectionDistribution
{
    public static void Configure(MartenIntegration integration) =>
        integration.UseWolverineManagedEventSubscriptionDistribution = true;
}
