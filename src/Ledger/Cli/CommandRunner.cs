using System.CommandLine;
using System.Text.Json;
using Marten;

namespace Ledger.Cli;

/// <summary>Opens the store for a command and turns a UserError into one clear line and exit code 1.</summary>
public static class CommandRunner
{
    public static void SetStoreAction(this Command command, Func<ParseResult, DocumentStore, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var store = await LedgerSession.OpenAsync(parse);
                return await body(parse, store, ct);
            }
            catch (UserError e)
            {
                await Console.Error.WriteLineAsync("ledger: " + e.Message);
                return 1;
            }
        });

    public static void WriteJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Json.Options));
}
