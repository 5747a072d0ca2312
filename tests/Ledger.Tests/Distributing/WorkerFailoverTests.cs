using System.Diagnostics;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Ledger.Distributing;
using Ledger.Importing;
using Ledger.Synth;
using Ledger.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Ledger.Tests.Distributing;

/// <summary>
/// Issue 7 item 4: two `ledger work run` processes share one planned import through Wolverine's PostgreSQL queue;
/// one is killed while it holds a range; the other recovers that range and finishes; the ledger equals a single
/// importer's ledger of the same epoch in a fresh database.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WorkerFailoverTests(LedgerDatabase db, ITestOutputHelper output)
{
    private const int Messages = 3000;
    // Forty small ranges, not ten large ones: a node's listener takes about one range per polling interval, so ten
    // ranges were all taken by the first node up when the machine was loaded and the second started seconds later.
    private const int Chunk = 75;

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Two_workers_share_an_import_and_a_killed_one_leaves_its_share_to_the_other()
    {
        var clock = Stopwatch.StartNew();
        await db.ResetAsync();
        await WorkCluster.PurgeAsync(db.ConnectionString);
        var dir = Directory.CreateTempSubdirectory("ledger-work-");
        try
        {
            var epoch = Path.Combine(dir.FullName, "0.git");
            using (var writer = new FastImportWriter(epoch))
                foreach (var mail in SyntheticArchive.Generate(Messages, seed: 17)) writer.Write(mail);
            output.WriteLine($"epoch generated at {clock.Elapsed.TotalSeconds:F1} s");

            var plans = await WorkPlanner.PlanAsync(db.ConnectionString, epoch, Chunk, CancellationToken.None);
            Assert.Equal(Messages / Chunk, Assert.Single(plans).Ranges);
            output.WriteLine($"planned at {clock.Elapsed.TotalSeconds:F1} s");

            var conn = new NpgsqlConnectionStringBuilder(db.ConnectionString) { MaxPoolSize = 8 }.ConnectionString;
            var a = Worker.Start("A", conn, output);
            var b = Worker.Start("B", conn, output);
            try
            {
                // Both nodes take ranges; then the first one to have finished a range is killed while it still holds
                // its next range (or holds the finished one before acknowledging it).
                await WaitUntilAsync(() => a.Took > 0 && b.Took > 0 && (a.Finished > 0 || b.Finished > 0), TimeSpan.FromSeconds(90), "both workers taking ranges");
                var (victim, survivor) = a.Finished > 0 ? (a, b) : (b, a);
                victim.Process.Kill(entireProcessTree: true);
                output.WriteLine($"killed worker {victim.Name} at {clock.Elapsed.TotalSeconds:F1} s after it took {victim.Took} and finished {victim.Finished} ranges");

                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
                await survivor.Process.WaitForExitAsync(timeout.Token);
                output.WriteLine($"worker {survivor.Name} exited {survivor.Process.ExitCode} at {clock.Elapsed.TotalSeconds:F1} s");
                Assert.Equal(0, survivor.Process.ExitCode);
                Assert.True(survivor.Took > 0 && victim.Took > 0, "both workers took ranges");
            }
            finally
            {
                a.Dispose();
                b.Dispose();
            }

            var pending = await WorkCluster.PendingAsync(db.ConnectionString, CancellationToken.None);
            Assert.Equal((0L, 0L, 0L), pending);

            // The same epoch, imported by one importer into a fresh database on the same server.
            var single = await FreshDatabaseAsync("ledger_single");
            await using (var store = LedgerStore.Open(single))
            {
                await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
                await new Importer(store).ImportAsync(new GitEpochSource(epoch, null));
            }
            output.WriteLine($"single import done at {clock.Elapsed.TotalSeconds:F1} s");

            var shared = await StreamIdsAsync(db.ConnectionString);
            var alone = await StreamIdsAsync(single);
            Assert.True(alone.Count > Messages * 9 / 10, $"single import stored {alone.Count} streams");
            Assert.Equal(alone.Count, shared.Count);
            Assert.Empty(alone.Except(shared));
            Assert.Equal(await CountAsync(single, "select count(*) from ledger.mt_events where type = 'message_archived'"),
                await CountAsync(db.ConnectionString, "select count(*) from ledger.mt_events where type = 'message_archived'"));
            Assert.Equal(await CountAsync(single, "select count(*) from ledger.mt_events"),
                await CountAsync(db.ConnectionString, "select count(*) from ledger.mt_events"));
            // The last range to finish moved the epoch's checkpoint to the tip.
            Assert.Equal(1, await CountAsync(db.ConnectionString, "select count(*) from ledger.mt_doc_importcheckpoint"));
            output.WriteLine($"{shared.Count} streams, equal to the single import; total {clock.Elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > limit) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(100);
        }
    }

    private async Task<string> FreshDatabaseAsync(string name)
    {
        await using (var conn = new NpgsqlConnection(db.ConnectionString))
        {
            await conn.OpenAsync();
            await using (var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", conn)) await drop.ExecuteNonQueryAsync();
            await using (var create = new NpgsqlCommand($"create database {name}", conn)) await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(db.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
    }

    private static async Task<HashSet<string>> StreamIdsAsync(string connectionString)
    {
        var ids = new HashSet<string>();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("select id from ledger.mt_streams where id like 'msg:%' or id like 'quarantine:%'", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>One `dotnet ledger.dll work run --until-idle` child process, its progress lines counted as they come.</summary>
    private sealed class Worker : IDisposable
    {
        private int _took, _finished;
        public required string Name { get; init; }
        public required Process Process { get; init; }
        public int Took => Volatile.Read(ref _took);
        public int Finished => Volatile.Read(ref _finished);

        public static Worker Start(string name, string connectionString, ITestOutputHelper output)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "ledger.dll");
            Assert.True(File.Exists(dll), $"{dll} not built");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { dll, "--db", connectionString, "work", "run", "--until-idle", "--hold-ms", "700" }) psi.ArgumentList.Add(arg);
            var process = new Process { StartInfo = psi };
            var worker = new Worker { Name = name, Process = process };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                if (e.Data.Contains(": took range", StringComparison.Ordinal)) Interlocked.Increment(ref worker._took);
                if (e.Data.Contains(": finished range", StringComparison.Ordinal)) Interlocked.Increment(ref worker._finished);
                Log(output, $"[{name}] {e.Data}");
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null && (e.Data.StartsWith("fail", StringComparison.Ordinal) || e.Data.Contains("Exception:", StringComparison.Ordinal)))
                    Log(output, $"[{name} stderr] {e.Data}");
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return worker;
        }

        private static void Log(ITestOutputHelper output, string line)
        {
            try { output.WriteLine(line); } catch (InvalidOperationException) { /* test already finished */ }
        }

        public void Dispose()
        {
            try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            Process.Dispose();
        }
    }
}
