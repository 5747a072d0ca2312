using System.Diagnostics;
using Npgsql;

namespace Ledger.Database;

/// <summary>
/// A private PostgreSQL cluster under $LEDGER_HOME, run with the machine's own binaries. It listens on a Unix socket
/// in its own folder only, so several ledgers (and test runs) never fight over a TCP port. It is started when first
/// needed and left running for the next command; `ledger db stop` stops it. A cluster Ledger did not start is never stopped.
/// </summary>
public sealed class PrivateCluster(string home, string database = PrivateCluster.DatabaseName)
{
    private const int Port = 5432;
    public const string DatabaseName = "ledger";
    public string DataDir => Path.Combine(home, "pg", "data");
    public string SocketDir => Path.Combine(home, "pg", "run");
    public string LogFile => Path.Combine(home, "pg", "postgres.log");
    public string ConnectionString => $"Host={SocketDir};Port={Port};Username=ledger;Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30;Command Timeout=600";

    private static readonly bool IsRoot = Environment.UserName == "root";

    public bool IsRunning => File.Exists(Path.Combine(DataDir, "postmaster.pid")) && Run(PgBin("pg_ctl"), ["status", "-D", DataDir], quiet: true) == 0;

    public async Task<string> EnsureRunningAsync()
    {
        if (!IsRunning)
        {
            Directory.CreateDirectory(SocketDir);
            if (IsRoot) GrantPostgresUser();
            if (!File.Exists(Path.Combine(DataDir, "PG_VERSION")))
                Check(Run(PgBin("initdb"), ["-D", DataDir, "-U", "ledger", "-A", "trust", "-E", "UTF8", "--no-locale"]), "initdb");
            var options = $"-k {SocketDir} -p {Port} -c listen_addresses='' -c max_connections=50 -c shared_buffers=256MB -c synchronous_commit=off";
            Check(Run(PgBin("pg_ctl"), ["start", "-w", "-t", "60", "-D", DataDir, "-l", LogFile, "-o", options]), "pg_ctl start");
        }
        await EnsureDatabaseAsync();
        return ConnectionString;
    }

    public bool Stop()
    {
        if (!IsRunning) return false;
        Check(Run(PgBin("pg_ctl"), ["stop", "-w", "-m", "fast", "-D", DataDir]), "pg_ctl stop");
        return true;
    }

    private async Task EnsureDatabaseAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        await using var conn = new NpgsqlConnection(admin);
        await conn.OpenAsync();
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @n", conn);
        exists.Parameters.AddWithValue("n", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{database}\"", conn);
            await create.ExecuteNonQueryAsync();
            // Documents and events are TOASTed: lz4 compresses and decompresses several times faster than the default
            // pglz (rebuild writes every document again). A server built without lz4 keeps pglz.
            await using var lz4 = new NpgsqlCommand($"""
                do $$ begin alter database "{database}" set default_toast_compression = 'lz4';
                exception when others then null; end $$
                """, conn);
            await lz4.ExecuteNonQueryAsync();
        }
    }

    /// <summary>initdb refuses root, so as root the cluster belongs to the postgres user, which must reach the folder.</summary>
    private void GrantPostgresUser()
    {
        var pg = Path.Combine(home, "pg");
        Directory.CreateDirectory(pg);
        for (var dir = new DirectoryInfo(pg).Parent; dir is not null; dir = dir.Parent)
            if (!OperatingSystem.IsWindows() && !dir.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
                dir.UnixFileMode |= UnixFileMode.OtherExecute;
        Check(Run("chown", ["-R", "postgres:postgres", pg], asRoot: true), "chown");
    }

    public static string PgBin(string name)
    {
        var candidates = new List<string>();
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        candidates.AddRange(path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, name)));
        if (Directory.Exists("/usr/lib/postgresql"))
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", name)));
        candidates.AddRange(["/usr/local/pgsql/bin/" + name, "/opt/homebrew/bin/" + name]);
        return candidates.FirstOrDefault(File.Exists) ?? throw new PostgresNotFoundException();
    }

    private static void Check(int exit, string what)
    {
        if (exit != 0) throw new InvalidOperationException($"{what} failed with exit code {exit}; see the log under $LEDGER_HOME/pg.");
    }

    private static int Run(string file, string[] args, bool quiet = false, bool asRoot = false)
    {
        var psi = IsRoot && !asRoot ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. args]) : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0 && !quiet) Console.Error.Write(stderr);
        _ = stdout.Result;
        return p.ExitCode;
    }
}
