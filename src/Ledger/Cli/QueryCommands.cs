using System.CommandLine;

namespace Ledger.Cli;

public static class QueryCommands
{
    public static IEnumerable<Command> Create() => [];
}
