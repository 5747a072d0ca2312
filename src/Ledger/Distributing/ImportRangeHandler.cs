using System.Diagnostics;
using System.Runtime.CompilerServices;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Ledger.Importing;
using Marten;
using Wolverine;
using Wolverine.Runtime;

namespace Ledger.Distributing;

/// <summary>
/// Runs the importer over one commit range. Idempotent: a range re-run after a crash (its node died after storing
/// mail but before Wolverine marked the message handled) finds every message already stored and appends nothing.
/// Ranges do not move the epoch checkpoint one by one (they finish out of order); the last range of a plan to
/// finish advances it to the plan's tip, so a later `ledger import` of the same epoch reads only what is newer.
/// </summary>
public static class ImportRangeHandler
{
    public static async Task Handle(ImportRange range, IDocumentStore store, IWolverineRuntime runtime,
        WorkCluster.WorkerSettings settings, WorkLog log, Envelope envelope, CancellationToken ct)
    {
        var node = runtime.DurabilitySettings.AssignedNodeNumber;
        var clock = Stopwatch.StartNew();
        var label = $"{Path.GetFileName(range.Epoch)}[{range.Index + 1}/{range.Count}]";
        log.Line($"node {node}: took range {range.Index + 1}/{range.Count} of {range.Epoch} ({range.Commits} commits, attempt {envelope.Attempts})");

        var source = new WithoutCheckpoints(new GitEpochSource(range.Epoch, range.Since, label, range.Until));
        var summary = await new Importer((DocumentStore)store).ImportAsync(source, null, ct);

        await using (var session = store.LightweightSession())
        {
            session.Store(new ImportRangeDone
            {
                Id = $"{range.PlanId}/{range.Index}", PlanId = range.PlanId, Index = range.Index, New = summary.New,
                Duplicates = summary.Duplicates, Node = node, FinishedAt = DateTimeOffset.UtcNow,
            });
            await session.SaveChangesAsync(ct);
        }
        await AdvanceCheckpointWhenPlanDoneAsync(store, range, ct);

        log.Line($"node {node}: finished range {range.Index + 1}/{range.Count}: {summary.Read} read, {summary.New} new, {summary.Duplicates} duplicate, {summary.Quarantined} quarantined in {clock.Elapsed.TotalSeconds:F1} s");
        // Demonstrations and tests: keep the range "in hand" a while after its mail is stored, so that killing the
        // worker now leaves a taken, unhandled range behind for another node to recover and re-run.
        if (settings.HoldAfterRange > TimeSpan.Zero) await Task.Delay(settings.HoldAfterRange, ct);
    }

    private static async Task AdvanceCheckpointWhenPlanDoneAsync(IDocumentStore store, ImportRange range, CancellationToken ct)
    {
        // Each node counts after its own commit, so at least the last of two racing finishers sees them all.
        await using var session = store.LightweightSession();
        var done = await session.Query<ImportRangeDone>().CountAsync(d => d.PlanId == range.PlanId, ct);
        if (done < range.Count) return;
        var plan = await session.LoadAsync<ImportPlan>(range.PlanId, ct);
        if (plan is null) return;
        var key = GitEpochSource.KeyFor(plan.Epoch);
        var current = await session.LoadAsync<ImportCheckpoint>(key, ct);
        // Only move forward from where the plan started; a newer checkpoint (a later import) stays.
        if (current is not null && current.Commit != plan.Since && current.Commit != plan.Tip) return;
        session.Store(new ImportCheckpoint { Id = key, Commit = plan.Tip });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The range's mail without per-commit checkpoints: ranges finish out of order.</summary>
    private sealed class WithoutCheckpoints(IMailSource inner) : IMailSource
    {
        public string Name => inner.Name;

        public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
        {
            await foreach (var mail in inner.ReadAsync(ct)) yield return mail with { Checkpoint = null };
        }
    }
}
