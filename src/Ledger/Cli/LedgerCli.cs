using System.CommandLine;
using Ledger.Database;

namespace Ledger.Cli;

/// <summary>The `ledger` command tree. Each command lives in its own file; this one only assembles them.</summary>
public static class LedgerCli
{
    public static readonly Option<string?> Db = new("--db") { Description = "PostgreSQL connection string (else $LEDGER_DB, else the private cluster under $LEDGER_HOME)", Recursive = true };

    public static async Task<int> RunAsync(string[] args)
    {
        // Bind the terminal to the current Console.Out on every run (tests redirect it between runs).
        Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Out) });
        var root = new RootCommand("Ledger: why is this code the way it is? Review history and decisions from mailing-list mail.")
        {
            ImportCommand.Create(), StatsCommand.Create(), QuarantineCommand.Create(), DbCommand.Create(),
        };
        root.Options.Add(Db);
        foreach (var command in QueryCommands.Create()) root.Subcommands.Add(command);
        root.Subcommands.Add(WorkCommand.Create());
        try
        {
            return await root.Parse(args).InvokeAsync();
        }
        catch (PostgresNotFoundException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 3;
        }
    }
}
