using System.CommandLine;

namespace Ledger.Cli;

public static class RationaleCommand
{
    public static Command Create() => new("rationale", "(coming)");
}
