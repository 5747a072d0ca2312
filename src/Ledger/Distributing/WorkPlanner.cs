using System.Diagnostics;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine.Marten;

namespace Ledger.Distributing;

/// <summary>
/// `ledger work plan`: lists the commits of each epoch not yet imported (after its checkpoint), cuts them into
/// ranges of <c>chunk</c> commits and publishes one <see cref="ImportRange"/> per range to the worker queue, in the
/// same transaction as the <see cref="ImportPlan"/> document (Wolverine's Marten outbox).
/// </summary>
public static class WorkPlanner
{
    public sealed record EpochPlan(string Epoch, int Commits, int Ranges);

    public static async Task<IReadOnlyList<EpochPlan>> PlanAsync(string connectionString, string spec, int chunk, CancellationToken ct)
    {
        if (chunk < 1) throw new ArgumentOutOfRangeException(nameof(chunk), "chunk must be at least 1");
        var epochs = PublicInboxSource.Epochs(spec);
        if (epochs.Count == 0)
        {
            if (!IsBareRepository(spec)) throw new SourceReadException($"{spec} is neither a public-inbox inbox nor a git epoch.");
            epochs = [spec];
        }

        using var host = WorkCluster.Build(connectionString, listen: false);
        await host.StartAsync(ct);
        var plans = new List<EpochPlan>();
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            foreach (var epochPath in epochs)
            {
                var epoch = GitEpochSource.KeyFor(epochPath);
                string? since;
                await using (var query = store.QuerySession())
                    since = (await query.LoadAsync<ImportCheckpoint>(epoch, ct))?.Commit;
                var commits = await CommitsAsync(epoch, since, ct);
                if (commits.Since is null) since = null;
                if (commits.List.Count == 0)
                {
                    plans.Add(new EpochPlan(epoch, 0, 0));
                    continue;
                }

                var planId = $"{epoch}@{commits.List[^1]}#{Guid.NewGuid():N}";
                var count = (commits.List.Count + chunk - 1) / chunk;
                await using var scope = host.Services.CreateAsyncScope();
                var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
                await using var session = store.LightweightSession();
                outbox.Enroll(session);
                var previous = since;
                for (var i = 0; i < count; i++)
                {
                    var last = Math.Min((i + 1) * chunk, commits.List.Count) - 1;
                    var until = commits.List[last];
                    await outbox.PublishAsync(new ImportRange(planId, epoch, previous, until, i, count, last - i * chunk + 1));
                    previous = until;
                }
                session.Store(new ImportPlan { Id = planId, Epoch = epoch, Since = since, Tip = commits.List[^1], Ranges = count, PlannedAt = DateTimeOffset.UtcNow });
                await session.SaveChangesAsync(ct);
                plans.Add(new EpochPlan(epoch, commits.List.Count, count));
            }
        }
        finally
        {
            // Stopping flushes the outbox into the queue table.
            await host.StopAsync(CancellationToken.None);
        }
        return plans;
    }

    private static bool IsBareRepository(string path) =>
        Directory.Exists(path) && File.Exists(Path.Combine(path, "HEAD")) && Directory.Exists(Path.Combine(path, "objects"));

    /// <summary>Commits after <paramref name="since"/> (oldest first); Since comes back null when it is not usable and all is listed.</summary>
    private static async Task<(List<string> List, string? Since)> CommitsAsync(string epoch, string? since, CancellationToken ct)
    {
        if (since is not null && (await GitAsync(epoch, ct, "merge-base", "--is-ancestor", since, "HEAD")).Exit != 0) since = null;
        string[] args = since is null ? ["rev-list", "--reverse", "HEAD"] : ["rev-list", "--reverse", "HEAD", "^" + since];
        var (exit, output, error) = await GitAsync(epoch, ct, args);
        if (exit != 0) throw new SourceReadException($"git rev-list failed for epoch {epoch}: {error.Trim()}");
        return (output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(), since);
    }

    private static async Task<(int Exit, string Output, string Error)> GitAsync(string repo, CancellationToken ct, params string[] args)
    {
        var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-C");
        psi.ArgumentList.Add(repo);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new SourceReadException("could not start git");
        var output = p.StandardOutput.ReadToEndAsync(ct);
        var error = p.StandardError.ReadToEndAsync(ct);
        await p.WaitForExitAsync(ct);
        return (p.ExitCode, await output, await error);
    }
}
