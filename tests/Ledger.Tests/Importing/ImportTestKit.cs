using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Cli;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Importing;

/// <summary>Runs the real `ledger` CLI in-process against the test database and reads what it printed.</summary>
public static partial class ImportTestKit
{
    private static readonly SemaphoreSlim ConsoleLock = new(1, 1);

    public sealed record CliResult(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    /// <summary>One import summary line: "imported SPEC: R read, N new, D duplicate, Q quarantined in ...".</summary>
    public sealed record Summary(long Read, long New, long Duplicates, long Quarantined);

    public static async Task<CliResult> RunAsync(LedgerDatabase db, params string[] args)
    {
        await ConsoleLock.WaitAsync();
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        try
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            var exit = await LedgerCli.RunAsync(["--db", db.ConnectionString, .. args]);
            return new CliResult(exit, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            ConsoleLock.Release();
        }
    }

    /// <summary>`ledger import --no-understand SOURCE...`, asserting success, returning one summary per source.</summary>
    public static async Task<List<Summary>> ImportAsync(LedgerDatabase db, params string[] sources)
    {
        var result = await RunAsync(db, ["import", "--no-understand", .. sources]);
        Assert.True(result.Exit == 0, result.ToString());
        var summaries = Summaries(result.Out);
        Assert.True(summaries.Count == sources.Length, result.ToString());
        return summaries;
    }

    public static List<Summary> Summaries(string output) =>
        SummaryLine().Matches(output).Select(m => new Summary(
            long.Parse(m.Groups[1].Value), long.Parse(m.Groups[2].Value), long.Parse(m.Groups[3].Value), long.Parse(m.Groups[4].Value))).ToList();

    [GeneratedRegex(@"^imported .*?: (\d+) read, (\d+) new, (\d+) duplicate, (\d+) quarantined in ", RegexOptions.Multiline)]
    private static partial Regex SummaryLine();

    /// <summary>`ledger stats --format json`, checking the three keys the issue promises.</summary>
    public static async Task<(long Messages, long Quarantined, long Events)> StatsAsync(LedgerDatabase db)
    {
        var result = await RunAsync(db, "stats", "--format", "json");
        Assert.True(result.Exit == 0, result.ToString());
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        return (root.GetProperty("messages").GetInt64(), root.GetProperty("quarantined").GetInt64(), root.GetProperty("events").GetInt64());
    }

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ledger-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Replaces (or, when absent, inserts) a header in the header block of a raw message, keeping everything else byte for byte.</summary>
    public static byte[] WithHeader(byte[] raw, string name, string? value)
    {
        var text = Encoding.Latin1.GetString(raw);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        Assert.True(end > 0, "no header/body separator");
        var headers = text[..(end + 1)];
        var body = text[(end + 1)..];
        var lines = headers.Split('\n').ToList();
        var index = lines.FindIndex(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            lines.RemoveAt(index);
            while (index < lines.Count && lines[index].Length > 0 && (lines[index][0] == ' ' || lines[index][0] == '\t')) lines.RemoveAt(index);
            if (value is not null) lines.Insert(index, $"{name}: {value}");
        }
        else if (value is not null) lines.Insert(0, $"{name}: {value}");
        return Encoding.Latin1.GetBytes(string.Join('\n', lines) + body);
    }
}
