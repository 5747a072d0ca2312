using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Database;
using Ledger.Queries;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Bench;

/// <summary>
/// `ledger-bench import SOURCE | rebuild | why | history | changelog | all --sizes 21k,200k,1M`: every figure beside its physical limit,
/// measured in the same run on the same ledger. The ledger commands run as child processes of the real CLI (so peak
/// RSS is the CLI's, from `/usr/bin/time -v`); the limits run in this process with plain Npgsql.
/// Figures go to stdout as JSON lines (and to --out, appended) and, for `all`, a markdown table at the end.
/// </summary>
public static partial class Program
{
    private static readonly string[] ArchiveTypes = ["message_archived", "message_quarantined", "message_copy_received"];
    private static string _home = "", _ledgerDll = "", _dbName = "ledger_bench", _label = "";
    private static string? _out;
    private static bool _noUnderstand;

    public static async Task<int> Main(string[] args)
    {
        var rest = new List<string>();
        var sizes = "21k,200k,1M";
        var whyQueries = 200;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--home": _home = args[++i]; break;
                case "--ledger": _ledgerDll = args[++i]; break;
                case "--db-name": _dbName = args[++i]; break;
                case "--label": _label = args[++i]; break;
                case "--out": _out = args[++i]; break;
                case "--sizes": sizes = args[++i]; break;
                case "--no-understand": _noUnderstand = true; break;
                case "--queries": whyQueries = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--rounds": _rounds = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: rest.Add(args[i]); break;
            }
        }
        if (_home.Length == 0) _home = Environment.GetEnvironmentVariable("LEDGER_HOME") is { Length: > 0 } h ? h : "/tmp/bench-home";
        if (_ledgerDll.Length == 0) _ledgerDll = Path.Combine(RepoRoot(), "src/Ledger/bin/Release/net10.0/ledger.dll");
        if (!File.Exists(_ledgerDll)) { Console.Error.WriteLine($"ledger-bench: {_ledgerDll} not found; run `dotnet build -c Release src/Ledger` first or pass --ledger"); return 2; }
        if (rest.Count == 0) { Console.Error.WriteLine("usage: ledger-bench import SOURCE | copy | rebuild | why | history | changelog | all [--sizes 21k,200k,1M] [--home DIR] [--db-name NAME] [--label L] [--queries N] [--rounds N] [--out FILE.jsonl]"); return 2; }

        switch (rest[0])
        {
            case "import" when rest.Count > 1:
                await ImportAsync(rest[1], fresh: true);
                return 0;
            case "rebuild":
                await RebuildAsync();
                return 0;
            case "copy":
                // The import limit alone, on a ledger already imported.
                var copyCs = await DatabaseAsync(fresh: false);
                var (events, _, bytes) = await ArchiveCountsAsync(copyCs);
                var took = await CopyLimitAsync(copyCs);
                Emit(new Dictionary<string, object?> { ["bench"] = "copy", ["size"] = _label, ["events"] = events, ["payload_mb"] = Math.Round(bytes / 1e6, 1),
                    ["copy_s"] = Round(took.TotalSeconds), ["copy_msgs_per_s"] = Round(events / took.TotalSeconds), ["copy_mb_per_s"] = Round(bytes / 1e6 / took.TotalSeconds) });
                return 0;
            case "why":
                await WhyAsync(whyQueries);
                return 0;
            case "history":
                await HistoryAsync(whyQueries);
                return 0;
            case "changelog":
                await ChangelogAsync(whyQueries);
                return 0;
            case "all":
                var rows = new List<Dictionary<string, object?>>();
                foreach (var size in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    _label = size;
                    _dbName = "bench_" + size.ToLowerInvariant();
                    var source = SourceFor(size);
                    var row = new Dictionary<string, object?> { ["size"] = size };
                    foreach (var (k, v) in await ImportAsync(source, fresh: true)) row["import." + k] = v;
                    foreach (var (k, v) in await RebuildAsync()) row["rebuild." + k] = v;
                    foreach (var (k, v) in await WhyAsync(whyQueries)) row["why." + k] = v;
                    foreach (var (k, v) in await HistoryAsync(whyQueries)) row["history." + k] = v;
                    foreach (var (k, v) in await ChangelogAsync(whyQueries)) row["changelog." + k] = v;
                    rows.Add(row);
                }
                Console.WriteLine();
                Console.WriteLine(Markdown(rows));
                return 0;
            default:
                Console.Error.WriteLine($"ledger-bench: unknown command '{string.Join(' ', rest)}'");
                return 2;
        }
    }

    // ---------------------------------------------------------------- import

    private static async Task<Dictionary<string, object?>> ImportAsync(string source, bool fresh)
    {
        var cs = await DatabaseAsync(fresh);
        var run = await RunLedgerAsync(_noUnderstand ? ["import", source, "--no-understand", "--db", cs] : ["import", source, "--db", cs]);
        if (run.Exit != 0) throw new Exception($"ledger import failed ({run.Exit}):\n{run.Output}");
        var archiveSeconds = Seconds(run.Output, @"^imported .* in ([\d.]+) s", run.Wall);
        var understandSeconds = Seconds(run.Output, @"^understood .* in ([\d.]+) s", 0);

        var (events, messages, payloadBytes) = await ArchiveCountsAsync(cs);
        var copyServerBefore = ServerCpuSeconds();
        var copy = await CopyLimitAsync(cs);
        var copyServerCpu = ServerCpuSeconds() - copyServerBefore;

        // Idempotence: a second import of the same source appends nothing.
        var before = await ScalarAsync(cs, "select count(*) from ledger.mt_events");
        var again = await RunLedgerAsync(_noUnderstand ? ["import", source, "--no-understand", "--db", cs] : ["import", source, "--db", cs]);
        var appended = await ScalarAsync(cs, "select count(*) from ledger.mt_events") - before;

        var mb = payloadBytes / 1e6;
        var result = new Dictionary<string, object?>
        {
            ["bench"] = "import", ["size"] = _label, ["source"] = source, ["messages"] = messages, ["events"] = events, ["payload_mb"] = Math.Round(mb, 1),
            ["archive_s"] = Round(archiveSeconds), ["archive_msgs_per_s"] = Round(events / archiveSeconds), ["archive_mb_per_s"] = Round(mb / archiveSeconds),
            ["understand_s"] = Round(understandSeconds), ["end_to_end_s"] = Round(run.Wall.TotalSeconds), ["end_to_end_msgs_per_s"] = Round(events / run.Wall.TotalSeconds),
            ["copy_s"] = Round(copy.TotalSeconds), ["copy_msgs_per_s"] = Round(events / copy.TotalSeconds), ["copy_mb_per_s"] = Round(mb / copy.TotalSeconds),
            ["ratio"] = Round(copy.TotalSeconds / archiveSeconds), ["end_to_end_ratio"] = Round(copy.TotalSeconds / run.Wall.TotalSeconds), ["target_ratio"] = 0.5,
            ["peak_rss_mb"] = run.PeakRssMb, ["rss_limit_mb"] = 400, ["rss_ratio"] = Round(run.PeakRssMb / 400.0), ["peak_rss_with_git_mb"] = run.TreeRssMb,
            ["reimport_appended"] = appended, ["reimport_s"] = Round(again.Wall.TotalSeconds),
            // Where the time goes: CPU per message of the import (client incl. git, server) against the COPY's server CPU.
            ["client_cpu_us_per_msg"] = Round(run.ClientCpuS * 1e6 / events), ["server_cpu_us_per_msg"] = Round(run.ServerCpuS * 1e6 / events),
            ["copy_server_cpu_us_per_msg"] = Round(copyServerCpu * 1e6 / events), ["load_avg"] = File.ReadAllText("/proc/loadavg").Split(' ')[0],
        };
        Emit(result);
        return result;
    }

    /// <summary>The physical limit: the same archive events (the very JSON the importer wrote, compressed raw included) into a plain table by binary COPY.</summary>
    private static async Task<TimeSpan> CopyLimitAsync(string cs)
    {
        // Stage the rows in a file first, so the timed part is only the write, as for the importer's own writes.
        var staging = Path.Combine(Path.GetTempPath(), $"ledger-bench-{Environment.ProcessId}.rows");
        long rows = 0;
        await using (var conn = await OpenAsync(cs))
        await using (var file = new BinaryWriter(File.Create(staging)))
        {
            await using var cmd = new NpgsqlCommand("select stream_id, type, data::text, mt_dotnet_type from ledger.mt_events where type = any(@t) order by seq_id", conn);
            cmd.Parameters.AddWithValue("t", ArchiveTypes);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                file.Write(reader.GetString(0)); file.Write(reader.GetString(1)); file.Write(reader.GetString(2)); file.Write(reader.IsDBNull(3) ? "" : reader.GetString(3));
                rows++;
            }
        }
        try
        {
            await using var conn = await OpenAsync(cs);
            await ExecAsync(conn, """
                drop table if exists public.bench_copy;
                create table public.bench_copy (seq_id bigint, id uuid, stream_id text, version integer, data jsonb, type varchar(500),
                  "timestamp" timestamptz, tenant_id text, mt_dotnet_type varchar)
                """);
            var clock = Stopwatch.StartNew();
            using (var file = new BinaryReader(File.OpenRead(staging)))
            await using (var copy = await conn.BeginBinaryImportAsync("copy public.bench_copy (seq_id, id, stream_id, version, data, type, \"timestamp\", tenant_id, mt_dotnet_type) from stdin (format binary)"))
            {
                for (long i = 0; i < rows; i++)
                {
                    var (stream, type, data, dotnet) = (file.ReadString(), file.ReadString(), file.ReadString(), file.ReadString());
                    await copy.StartRowAsync();
                    await copy.WriteAsync(i + 1, NpgsqlDbType.Bigint);
                    await copy.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                    await copy.WriteAsync(stream, NpgsqlDbType.Text);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer);
                    await copy.WriteAsync(data, NpgsqlDbType.Jsonb);
                    await copy.WriteAsync(type, NpgsqlDbType.Varchar);
                    await copy.WriteAsync(DateTimeOffset.UtcNow, NpgsqlDbType.TimestampTz);
                    await copy.WriteAsync("*DEFAULT*", NpgsqlDbType.Text);
                    await copy.WriteAsync(dotnet, NpgsqlDbType.Varchar);
                }
                await copy.CompleteAsync();
            }
            var took = clock.Elapsed;
            await ExecAsync(conn, "drop table public.bench_copy");
            return took;
        }
        finally { File.Delete(staging); }
    }

    private static async Task<(long Events, long Messages, long PayloadBytes)> ArchiveCountsAsync(string cs)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand("select count(*), count(*) filter (where type = 'message_archived'), coalesce(sum(octet_length(data::text)), 0) from ledger.mt_events where type = any(@t)", conn);
        cmd.Parameters.AddWithValue("t", ArchiveTypes);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    // ---------------------------------------------------------------- rebuild

    private static async Task<Dictionary<string, object?>> RebuildAsync()
    {
        var cs = await DatabaseAsync(fresh: false);
        var run = await RunLedgerAsync(["rebuild", "--db", cs]);
        if (run.Exit != 0) throw new Exception($"ledger rebuild failed ({run.Exit}):\n{run.Output}");
        var inner = Seconds(run.Output, @"^rebuilt all projections in ([\d.]+) s", run.Wall);

        // The limit: every event read back with a plain query.
        await using var conn = await OpenAsync(cs);
        var clock = Stopwatch.StartNew();
        long events = 0, chars = 0;
        await using (var cmd = new NpgsqlCommand("select data from ledger.mt_events", conn))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) { chars += reader.GetString(0).Length; events++; }
        var limit = clock.Elapsed;
        var lineageEvents = await ScalarAsync(cs, "select count(*) from ledger.mt_events where not (type = any(array['message_archived','message_quarantined','message_copy_received']))");

        var result = new Dictionary<string, object?>
        {
            ["bench"] = "rebuild", ["size"] = _label, ["events"] = events, ["projected_events"] = lineageEvents,
            ["rebuild_s"] = Round(inner), ["rebuild_wall_s"] = Round(run.Wall.TotalSeconds), ["read_all_s"] = Round(limit.TotalSeconds),
            ["ratio"] = Round(limit.TotalSeconds / inner), ["wall_ratio"] = Round(limit.TotalSeconds / run.Wall.TotalSeconds), ["target_ratio"] = 0.5,
            ["peak_rss_mb"] = run.PeakRssMb, ["client_cpu_s"] = run.ClientCpuS, ["server_cpu_s"] = run.ServerCpuS,
            ["load_avg"] = File.ReadAllText("/proc/loadavg").Split(' ')[0],
        };
        Emit(result);
        return result;
    }

    // ---------------------------------------------------------------- plumbing

    /// <summary>PeakRssMb: the ledger (dotnet) process's own VmHWM. TreeRssMb: /usr/bin/time's maximum, which also covers child processes such as `git cat-file` (whose mmap of the pack counts as resident).</summary>
    /// <summary>ClientCpuS: user+sys of the ledger process and its children (`/usr/bin/time`); ServerCpuS: what the PostgreSQL cluster spent meanwhile.</summary>
    private sealed record Run(int Exit, TimeSpan Wall, double PeakRssMb, double TreeRssMb, string Output, double ClientCpuS = double.NaN, double ServerCpuS = double.NaN);

    private static async Task<Run> RunLedgerAsync(string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "dotnet", _ledgerDll }.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment["LEDGER_HOME"] = _home;
        psi.Environment["LEDGER_TRACE"] = "1";
        var serverBefore = ServerCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var hwmKb = 0L;
        var exited = p.WaitForExitAsync();
        while (!exited.IsCompleted)
        {
            hwmKb = Math.Max(hwmKb, LedgerHighWaterKb(p.Id));
            await Task.WhenAny(exited, Task.Delay(100));
        }
        await exited;
        var wall = clock.Elapsed;
        var err = await stderr;
        var tree = Regex.Match(err, @"Maximum resident set size \(kbytes\): (\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) / 1024.0 : double.NaN;
        var rss = hwmKb / 1024.0;
        var output = await stdout;
        Console.Error.WriteLine($"  ledger {args[0]}: exit {p.ExitCode}, {wall.TotalSeconds:F1} s, peak RSS {rss:F0} MB (with child processes {tree:F0} MB)");
        foreach (var line in (output + err).Split('\n').Where(l => l.StartsWith("imported", StringComparison.Ordinal) || l.StartsWith("understood", StringComparison.Ordinal)
                     || l.StartsWith("rebuilt", StringComparison.Ordinal) || l.StartsWith("[import]", StringComparison.Ordinal) || l.StartsWith("[reindex] headers", StringComparison.Ordinal)))
            Console.Error.WriteLine("    " + line);
        var exit = Regex.Match(err, @"Exit status: (\d+)") is { Success: true } e ? int.Parse(e.Groups[1].Value, CultureInfo.InvariantCulture) : p.ExitCode;
        double TimeField(string name) => Regex.Match(err, name + @" \(seconds\): ([\d.]+)") is { Success: true } t ? double.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN;
        return new Run(exit, wall, Math.Round(rss, 1), Math.Round(tree, 1), output + err,
            Round(TimeField("User time") + TimeField("System time")), Round(ServerCpuSeconds() - serverBefore));
    }

    /// <summary>CPU seconds of the private cluster: the postmaster and its live children, plus every child it has reaped (exited backends).</summary>
    private static double ServerCpuSeconds()
    {
        try
        {
            var postmaster = int.Parse(File.ReadLines(Path.Combine(_home, "pg/data/postmaster.pid")).First(), CultureInfo.InvariantCulture);
            double Ticks(int pid, bool withReaped)
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                double t = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
                if (withReaped) t += long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture);
                return t;
            }
            var total = Ticks(postmaster, true);
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
                if (int.TryParse(Path.GetFileName(dir), out var pid) && pid != postmaster)
                    try
                    {
                        var stat = File.ReadAllText($"/proc/{pid}/stat");
                        if (stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == postmaster.ToString(CultureInfo.InvariantCulture)) total += Ticks(pid, false);
                    }
                    catch (IOException) { }
            return total / 100.0; // USER_HZ
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException) { return double.NaN; }
    }

    /// <summary>VmHWM of the dotnet process under /usr/bin/time (its child); it only grows, so the last reading before exit is the peak.</summary>
    private static long LedgerHighWaterKb(int timePid)
    {
        try
        {
            foreach (var child in File.ReadAllText($"/proc/{timePid}/task/{timePid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                foreach (var line in File.ReadLines($"/proc/{child}/status"))
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return 0;
    }

    private static double Seconds(string output, string pattern, TimeSpan fallback) =>
        Regex.Match(output, pattern, RegexOptions.Multiline) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : fallback.TotalSeconds;
    private static double Seconds(string output, string pattern, double fallback) =>
        Regex.Match(output, pattern, RegexOptions.Multiline) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : fallback;

    private static async Task<string> DatabaseAsync(bool fresh)
    {
        var cluster = new PrivateCluster(_home, _dbName);
        if (fresh)
        {
            // Start the cluster (and make the database) once, then drop and recreate it empty.
            var cs0 = await cluster.EnsureRunningAsync();
            var admin = new NpgsqlConnectionStringBuilder(cs0) { Database = "postgres", Pooling = false }.ToString();
            await using var conn = new NpgsqlConnection(admin);
            await conn.OpenAsync();
            await ExecAsync(conn, $"drop database if exists \"{_dbName}\" with (force)");
        }
        return await cluster.EnsureRunningAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(string cs)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cs) { CommandTimeout = 0 }.ToString());
        await conn.OpenAsync();
        return conn;
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string cs, string sql)
    {
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, v < 10 ? 2 : 1) : double.NaN;

    private static void Emit(Dictionary<string, object?> result)
    {
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals });
        Console.WriteLine(json);
        if (_out is not null) File.AppendAllText(_out, json + "\n");
    }

    private static string SourceFor(string size) => size.ToLowerInvariant() switch
    {
        "21k" => EnsureKvmarm(),
        "200k" => EnsureSynthetic("/tmp/pi200k", 200_000),
        "1m" => EnsureSynthetic("/tmp/pi1m", 1_000_000),
        var other when File.Exists(other) || Directory.Exists(other) => other,
        var other => throw new ArgumentException($"unknown size '{other}' (21k, 200k, 1M or a path)"),
    };

    private static string EnsureKvmarm()
    {
        const string inbox = "/tmp/kv";
        if (!Directory.Exists(inbox + "/git/0.git"))
            Shell("git", "clone", "--mirror", Path.Combine(RepoRoot(), "../shared/corpus/kvmarm-2019-2023.bundle"), inbox + "/git/0.git");
        return inbox;
    }

    private static string EnsureSynthetic(string path, int messages)
    {
        if (!Directory.Exists(path))
            Shell(Path.Combine(RepoRoot(), "tools/Ledger.Synth/bin/Release/net10.0/ledger-synth"), "--format", "public-inbox", "--messages", messages.ToString(CultureInfo.InvariantCulture), "--out", path);
        return path;
    }

    private static void Shell(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new Exception($"{file} exited {p.ExitCode}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Ledger.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    // ---------------------------------------------------------------- table

    private static string Markdown(List<Dictionary<string, object?>> rows)
    {
        string F(Dictionary<string, object?> r, string k) => r.TryGetValue(k, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)! : "–";
        var sb = new StringBuilder();
        sb.AppendLine("| size | messages | import msg/s (MB/s) | raw COPY msg/s (MB/s) | ratio (≥0.5) | import+understand msg/s | ratio | peak RSS MB (<400) | rebuild s | read-all s | ratio (≥0.5) | why p50 / p95 ms (p95<100) | FTS-only p95 ms | cold `ledger why` ms | history p50 / p95 ms | changelog p50 / p95 ms | re-import appends |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            sb.AppendLine($"| {F(r, "size")} | {F(r, "import.messages")} | {F(r, "import.archive_msgs_per_s")} ({F(r, "import.archive_mb_per_s")}) | {F(r, "import.copy_msgs_per_s")} ({F(r, "import.copy_mb_per_s")}) | {F(r, "import.ratio")} | {F(r, "import.end_to_end_msgs_per_s")} | {F(r, "import.end_to_end_ratio")} | {F(r, "import.peak_rss_mb")} | {F(r, "rebuild.rebuild_s")} | {F(r, "rebuild.read_all_s")} | {F(r, "rebuild.ratio")} | {F(r, "why.p50_ms")} / {F(r, "why.p95_ms")} | {F(r, "why.sql_p95_ms")} | {F(r, "why.cold_cli_median_ms")} | {F(r, "history.p50_ms")} / {F(r, "history.p95_ms")} | {F(r, "changelog.p50_ms")} / {F(r, "changelog.p95_ms")} | {F(r, "import.reimport_appended")} |");
        return sb.ToString();
    }
}
