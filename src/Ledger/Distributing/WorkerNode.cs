using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Wolverine;
using Wolverine.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Distributing;

/// <summary>`ledger work run`: one worker node. Runs until cancelled, or with untilIdle until no range is left anywhere.</summary>
public static class WorkerNode
{
    private static readonly TimeSpan StartGrace = TimeSpan.FromSeconds(15);

    /// <returns>0 when every range was handled, 1 when some ended in Wolverine's dead letter table.</returns>
    public static async Task<int> RunAsync(string connectionString, bool untilIdle, TimeSpan holdAfterRange, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var host = WorkCluster.Build(connectionString, listen: true, new WorkCluster.WorkerSettings(holdAfterRange), log);
        await host.StartAsync(ct);
        var node = host.Services.GetRequiredService<IWolverineRuntime>().DurabilitySettings.AssignedNodeNumber;
        log($"node {node}: worker started ({WorkCluster.ServiceName}, queue {WorkCluster.QueueName}) in {clock.Elapsed.TotalSeconds:F1} s");
        var failed = 0L;
        try
        {
            var idleChecks = 0;
            var sawWork = false;
            while (!ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                if (!untilIdle) continue;
                var (queued, taken, dead) = await WorkCluster.PendingAsync(connectionString, ct);
                failed = dead;
                sawWork |= queued + taken > 0;
                // Twice in a row, so a range between the queue table and the inbox is not missed; and a node started
                // before the plan is queued waits a while for it instead of leaving at once.
                idleChecks = queued == 0 && taken == 0 ? idleChecks + 1 : 0;
                if (idleChecks >= 2 && (sawWork || clock.Elapsed > StartGrace)) break;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        await host.StopAsync(CancellationToken.None);
        log($"node {node}: idle, stopping after {clock.Elapsed.TotalSeconds:F1} s" + (failed > 0 ? $"; {failed} range(s) failed (see {Ledger.Database.LedgerStore.Schema}.wolverine_dead_letters)" : ""));
        return failed > 0 ? 1 : 0;
    }
}
