using JasperFx.Resources;
using Ledger.Database;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;
using Wolverine.Postgresql;

namespace Ledger.Distributing;

/// <summary>
/// The Wolverine setup shared by `ledger work plan` and `ledger work run`: a Balanced cluster of nodes (service
/// <see cref="ServiceName"/>) over the ledger's own PostgreSQL database. Ranges travel through a PostgreSQL-backed
/// Wolverine queue (table <c>ledger.wolverine_queue_ledger_import_ranges</c>); a worker moves each range it takes
/// into Wolverine's durable inbox (<c>ledger.wolverine_incoming_envelopes</c>, owned by that node) in the same
/// statement that removes it from the queue, so a killed worker's ranges stay in the inbox, owned by a node that
/// stops heart-beating, until the cluster leader declares it dead, releases them and another node recovers them.
/// </summary>
public static class WorkCluster
{
    public const string ServiceName = "ledger-import-worker";
    public const string QueueName = "ledger_import_ranges";

    /// <summary>Worker knobs; registered as a singleton so the handler can read them.</summary>
    public sealed record WorkerSettings(TimeSpan HoldAfterRange);

    public static IHost Build(string connectionString, bool listen, WorkerSettings? settings = null, Action<string>? log = null)
    {
        return Host.CreateDefaultBuilder()
            .ConfigureLogging(l =>
            {
                l.ClearProviders();
                // Wolverine's own warnings and errors (failed ranges, recovery trouble) go to stderr.
                l.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            })
            .UseWolverine(opts =>
            {
                opts.ServiceName = ServiceName;
                // Several nodes share the queue; the elected leader watches their heartbeats and hands the
                // inbox of a dead node back to the living ones.
                opts.Durability.Mode = DurabilityMode.Balanced;
                TuneForFastFailover(opts.Durability);

                opts.Services.AddMarten(m =>
                    {
                        LedgerStore.Configure(m, connectionString);
                        m.Schema.For<ImportPlan>().Identity(x => x.Id);
                        m.Schema.For<ImportRangeDone>().Identity(x => x.Id).Duplicate(x => x.PlanId);
                    })
                    .IntegrateWithWolverine(i =>
                    {
                        i.MessageStorageSchemaName = LedgerStore.Schema;
                        i.TransportSchemaName = LedgerStore.Schema;
                        AsyncProjectionDistribution.Configure(i);
                    });

                opts.Discovery.DisableConventionalDiscovery();
                opts.PublishMessage<ImportRange>().ToPostgresqlQueue(QueueName);
                if (listen)
                {
                    opts.Discovery.IncludeType(typeof(ImportRangeHandler));
                    opts.ListenToPostgresqlQueue(QueueName)
                        // One range per poll and one at a time: a node takes only what it is about to work on,
                        // so the ranges spread over the nodes instead of the first node to start taking them all.
                        .MaximumMessagesToReceive(1)
                        .PollingInterval(TimeSpan.FromMilliseconds(250))
                        .Sequential()
                        .UseDurableInbox();
                }

                // Two ranges may both hold a copy of one cross-posted message; the loser of that race hits the
                // unique stream id, and its retry finds the message stored and records only the copy.
                opts.OnException<Exception>()
                    .RetryWithCooldown(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))
                    .Then.MoveToErrorQueue();

                opts.Services.AddSingleton(settings ?? new WorkerSettings(TimeSpan.Zero));
                opts.Services.AddSingleton(new WorkLog(log ?? Console.WriteLine));
                opts.Services.AddResourceSetupOnStartup();
            })
            .Build();
    }

    /// <summary>
    /// Wolverine's defaults detect a dead node after about a minute; a worker cluster on one machine or one LAN can
    /// afford a heartbeat every second and a node counted dead after ten silent seconds.
    /// </summary>
    private static void TuneForFastFailover(DurabilitySettings d)
    {
        d.HealthCheckPollingTime = TimeSpan.FromSeconds(1);
        d.FirstHealthCheckExecution = TimeSpan.FromMilliseconds(200);
        d.StaleNodeTimeout = TimeSpan.FromSeconds(10);
        d.CheckAssignmentPeriod = TimeSpan.FromSeconds(1);
        d.ScheduledJobFirstExecution = TimeSpan.FromMilliseconds(500);
        d.ScheduledJobPollingTime = TimeSpan.FromSeconds(1);
        d.OrphanedMessageSweepPollingTime = TimeSpan.FromSeconds(2);
    }

    /// <summary>Ranges not yet finished: still queued, or taken by a node (living or dead) and not yet handled.</summary>
    public static async Task<(long Queued, long Taken, long Failed)> PendingAsync(string connectionString, CancellationToken ct)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        return (
            await CountAsync(conn, $"select count(*) from {LedgerStore.Schema}.wolverine_queue_{QueueName}", ct),
            await CountAsync(conn, $"select count(*) from {LedgerStore.Schema}.wolverine_incoming_envelopes where status = 'Incoming' and message_type like '%ImportRange%'", ct),
            await CountAsync(conn, $"select count(*) from {LedgerStore.Schema}.wolverine_dead_letters where message_type like '%ImportRange%'", ct));
    }

    /// <summary>Forgets every queued, taken and failed range (tests, or abandoning a plan).</summary>
    public static async Task PurgeAsync(string connectionString, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        foreach (var table in new[] { $"wolverine_queue_{QueueName}", $"wolverine_queue_{QueueName}_scheduled", "wolverine_incoming_envelopes", "wolverine_outgoing_envelopes", "wolverine_dead_letters", "mt_doc_importplan", "mt_doc_importrangedone" })
        {
            if (await CountAsync(conn, $"select count(*) from information_schema.tables where table_schema = '{LedgerStore.Schema}' and table_name = '{table}'", ct) == 0) continue;
            await using var cmd = new NpgsqlCommand($"delete from {LedgerStore.Schema}.{table}", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }
}

/// <summary>Where worker progress lines go (stdout for the CLI).</summary>
public sealed class WorkLog(Action<string> write)
{
    public void Line(string line) => write(line);
}
