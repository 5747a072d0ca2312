using System.CommandLine;

namespace Ledger.Cli;

public static class DecideCommand
{
    public static Command Create() => new("decide", "(coming)");
}
