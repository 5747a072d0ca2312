namespace Ledger.Database;

/// <summary>Which PostgreSQL to use: --db, then $LEDGER_DB, then $LEDGER_HOME/config (a line "db=..."), else the private cluster.</summary>
public static class Connection
{
    public static async Task<string> ResolveAsync(string? dbOption)
    {
        if (!string.IsNullOrWhiteSpace(dbOption)) return dbOption;
        var env = Environment.GetEnvironmentVariable("LEDGER_DB");
        if (!string.IsNullOrWhiteSpace(env)) return env;
        var config = Path.Combine(LedgerHome.Path, "config");
        if (File.Exists(config))
        {
            var line = File.ReadLines(config).FirstOrDefault(l => l.StartsWith("db=", StringComparison.Ordinal));
            if (line is not null) return line[3..].Trim();
        }
        return await new PrivateCluster(LedgerHome.Path).EnsureRunningAsync();
    }
}
