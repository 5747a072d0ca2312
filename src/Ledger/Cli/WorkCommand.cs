using System.CommandLine;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Ledger.Distributing;

namespace Ledger.Cli;

/// <summary>
/// `ledger work plan SOURCE [--chunk N]` and `ledger work run [--until-idle]`: one import shared by several worker
/// processes through a Wolverine durable queue in PostgreSQL (see src/Ledger/Distributing).
/// </summary>
public static class WorkCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "public-inbox inbox (git/N.git epochs) or one bare epoch repository, on a path every worker can read" };
        var chunk = new Option<int>("--chunk") { Description = "Commits per range (one queue message each)", DefaultValueFactory = _ => 5000 };
        var plan = new Command("plan", "Cut the epochs' new commits into ranges and queue one import message per range") { source, chunk };
        plan.SetAction(async (parse, ct) =>
        {
            var connection = await Connection.ResolveAsync(parse.GetValue(LedgerCli.Db));
            try
            {
                foreach (var p in await WorkPlanner.PlanAsync(connection, Path.GetFullPath(parse.GetValue(source)!), parse.GetValue(chunk), ct))
                    Console.WriteLine(p.Ranges == 0
                        ? $"{p.Epoch}: nothing new"
                        : $"{p.Epoch}: {p.Commits} commits queued as {p.Ranges} ranges");
                return 0;
            }
            catch (Exception e) when (e is SourceReadException or ArgumentOutOfRangeException)
            {
                await Console.Error.WriteLineAsync("ledger: " + e.Message);
                return 1;
            }
        });

        var untilIdle = new Option<bool>("--until-idle") { Description = "Stop once no range is queued or in any node's hands, after waiting up to 15 s for a plan (else run until Ctrl-C)" };
        var hold = new Option<int>("--hold-ms") { Description = "Keep each finished range in hand this long before acknowledging it (demonstrating fail-over)", Hidden = true };
        var run = new Command("run", "Run a worker node that imports queued ranges; start as many as you like, on any machine") { untilIdle, hold };
        run.SetAction(async (parse, ct) =>
        {
            var connection = await Connection.ResolveAsync(parse.GetValue(LedgerCli.Db));
            return await WorkerNode.RunAsync(connection, parse.GetValue(untilIdle), TimeSpan.FromMilliseconds(parse.GetValue(hold)),
                line => Console.Out.WriteLine(line), ct);
        });
        return new Command("work", "Share one import over several worker processes (Wolverine durable queue in PostgreSQL)") { plan, run };
    }
}
