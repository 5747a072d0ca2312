namespace Ledger.Database;

/// <summary>Where Ledger keeps its private cluster and settings: $LEDGER_HOME, else the XDG data dir + /ledger.</summary>
public static class LedgerHome
{
    public static string Path
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("LEDGER_HOME");
            if (!string.IsNullOrWhiteSpace(home)) return System.IO.Path.GetFullPath(home);
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            if (string.IsNullOrWhiteSpace(xdg))
                xdg = System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
            return System.IO.Path.Combine(xdg, "ledger");
        }
    }
}
