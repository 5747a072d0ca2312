using System.CommandLine;

namespace Ledger.Cli;

public static class ChangelogCommand
{
    public static Command Create() => new("changelog", "(coming)");
}
