using System.CommandLine;

namespace Ledger.Cli;

public static class HistoryCommand
{
    public static Command Create() => new("history", "(coming)");
}
