using System.CommandLine;
using Ledger.Database;

namespace Ledger.Cli;

/// <summary>`ledger db status|stop`: the private cluster Ledger runs when no connection is configured.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var status = new Command("status", "Show whether the private PostgreSQL cluster runs, and where its data and log are");
        status.SetAction(_ =>
        {
            var cluster = new PrivateCluster(LedgerHome.Path);
            var configured = Environment.GetEnvironmentVariable("LEDGER_DB");
            Console.WriteLine($"private cluster: {(cluster.IsRunning ? "running" : "stopped")}");
            Console.WriteLine($"data:   {cluster.DataDir}");
            Console.WriteLine($"log:    {cluster.LogFile}");
            Console.WriteLine($"socket: {cluster.SocketDir}");
            if (!string.IsNullOrWhiteSpace(configured)) Console.WriteLine("LEDGER_DB is set: commands use that database, not the private cluster.");
            return 0;
        });
        var stop = new Command("stop", "Stop the private PostgreSQL cluster (never one Ledger did not start)");
        stop.SetAction(_ =>
        {
            var cluster = new PrivateCluster(LedgerHome.Path);
            Console.WriteLine(cluster.Stop() ? $"stopped the private cluster in {cluster.DataDir}" : "the private cluster is not running");
            return 0;
        });
        return new Command("db", "The private PostgreSQL cluster") { status, stop };
    }
}
