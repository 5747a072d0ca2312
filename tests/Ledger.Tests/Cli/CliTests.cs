using System.Diagnostics;
using System.Text.Json;
using Ledger.Tests.Importing.Sources;
using Ledger.Tests.Infrastructure;
using static Ledger.Tests.Importing.ImportTestKit;

namespace Ledger.Tests.Cli;

/// <summary>The `ledger` command line as users run it: in-process for the commands, as a real process for stdin and exit codes.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class CliTests(LedgerDatabase db)
{
    [Fact]
    public async Task Stats_json_has_messages_quarantined_and_events_on_an_empty_ledger()
    {
        await db.ResetAsync();
        var result = await RunAsync(db, "stats", "--format", "json");
        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(0, json.RootElement.GetProperty("messages").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("quarantined").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("events").GetInt64());

        var text = await RunAsync(db, "stats");
        Assert.Equal(0, text.Exit);
        Assert.Contains("messages: 0", text.Out);
    }

    [Fact]
    public async Task Stats_counts_the_decisions_detected_in_mail_that_why_answers_with()
    {
        await Ledger.Tests.Decisions.LedgerScenario.ImportedVfioThread(db);
        using var stats = JsonDocument.Parse((await RunAsync(db, "stats", "--format", "json")).Out);
        var detected = await db.ScalarAsync("select count(*) from ledger.mt_doc_decisionrationale");
        Assert.True(detected >= 1);
        Assert.Equal(detected, stats.RootElement.GetProperty("decisions").GetInt64());
    }

    [Fact]
    public async Task Quarantine_json_is_an_empty_list_when_nothing_is_quarantined()
    {
        await db.ResetAsync();
        var result = await RunAsync(db, "quarantine", "--format", "json");
        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Import_of_a_missing_source_exits_non_zero_naming_it_and_still_imports_the_others()
    {
        await db.ResetAsync();
        var missing = Path.Combine(TempDir(), "no-such.mbox");
        var result = await RunAsync(db, "import", "--no-understand", missing, CorpusPaths.VfioThreadMbox);
        Assert.True(result.Exit != 0, result.ToString());
        Assert.Contains(missing, result.Err);
        Assert.Equal(100, (await StatsAsync(db)).Messages);
    }

    [Fact]
    public async Task Import_prints_a_summary_with_new_duplicate_quarantined_seconds_and_rate()
    {
        await db.ResetAsync();
        var result = await RunAsync(db, "import", "--no-understand", CorpusPaths.VfioThreadMbox);
        Assert.True(result.Exit == 0, result.ToString());
        Assert.Matches(@"100 read, 100 new, 0 duplicate, 0 quarantined in \d+\.\d s \(\d+ messages/s\)", result.Out);
    }

    /// <summary>The README's sample path: import with understanding (the default), then again: nothing appended.</summary>
    [Fact]
    public async Task Default_import_with_understanding_is_idempotent_too()
    {
        await db.ResetAsync();
        var first = await RunAsync(db, "import", CorpusPaths.VfioThreadMbox);
        Assert.True(first.Exit == 0, first.ToString());
        var stats = await StatsAsync(db);
        Assert.Equal(100, stats.Messages);
        Assert.True(stats.Events >= 100);

        var second = await RunAsync(db, "import", CorpusPaths.VfioThreadMbox);
        Assert.True(second.Exit == 0, second.ToString());
        Assert.Equal(stats, await StatsAsync(db));
    }

    [Fact]
    public async Task Stdin_import_through_the_real_executable()
    {
        await db.ResetAsync();
        var (exit, stdout, stderr) = await RunProcessAsync(["--db", db.ConnectionString, "import", "--no-understand", "-"], CorpusPaths.VfioThreadMbox);
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var summary = Assert.Single(Summaries(stdout));
        Assert.Equal(new Summary(100, 100, 0, 0), summary);
        Assert.Equal(100, (await StatsAsync(db)).Messages);
    }

    [Fact]
    public async Task Truncated_source_exit_code_reaches_the_shell()
    {
        await db.ResetAsync();
        var dir = TempDir();
        var gz = Path.Combine(dir, "cut.mbox.gz");
        using (var buffer = new MemoryStream())
        {
            await using (var zip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
                zip.Write(await File.ReadAllBytesAsync(CorpusPaths.VfioThreadMbox));
            await File.WriteAllBytesAsync(gz, buffer.ToArray()[..(int)(buffer.Length / 2)]);
        }
        var (exit, _, stderr) = await RunProcessAsync(["--db", db.ConnectionString, "import", "--no-understand", gz], null);
        Assert.NotEqual(0, exit);
        Assert.Contains(gz, stderr);
        Assert.InRange((await StatsAsync(db)).Messages, 1, 99);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Db_status_tells_where_the_private_cluster_keeps_data_and_log_without_starting_it()
    {
        var home = TempDir();
        var (exit, stdout, stderr) = await RunProcessAsync(["db", "status"], null, new() { ["LEDGER_HOME"] = home, ["LEDGER_DB"] = null });
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("stopped", stdout);
        Assert.Contains(Path.Combine(home, "pg", "data"), stdout);
        Assert.Contains(Path.Combine(home, "pg", "postgres.log"), stdout);
        Assert.False(Directory.Exists(Path.Combine(home, "pg", "data")));
        Directory.Delete(home, true);
    }

    /// <summary>Runs the built ledger.dll (copied next to the tests) with `dotnet`, optionally piping a file to stdin.</summary>
    private static async Task<(int Exit, string Out, string Err)> RunProcessAsync(string[] args, string? stdinFile, Dictionary<string, string?>? env = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "ledger.dll");
        Assert.True(File.Exists(dll), $"{dll} not built");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env ?? []) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var outTask = p.StandardOutput.ReadToEndAsync();
        var errTask = p.StandardError.ReadToEndAsync();
        if (stdinFile is not null)
        {
            await using var input = File.OpenRead(stdinFile);
            await input.CopyToAsync(p.StandardInput.BaseStream);
        }
        p.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await p.WaitForExitAsync(timeout.Token);
        return (p.ExitCode, await outTask, await errTask);
    }
}
