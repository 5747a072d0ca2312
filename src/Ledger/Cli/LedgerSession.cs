using System.CommandLine;
using Ledger.Database;
using Marten;

namespace Ledger.Cli;

/// <summary>Opens the store a command works on; errors that a user can act on are printed, not thrown.</summary>
public static class LedgerSession
{
    public static async Task<DocumentStore> OpenAsync(ParseResult parse)
    {
        var connection = await Connection.ResolveAsync(parse.GetValue(LedgerCli.Db));
        return LedgerStore.Open(connection);
    }
}

public sealed class UserError(string message) : Exception(message);
