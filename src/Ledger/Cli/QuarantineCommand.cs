using System.CommandLine;
using System.Text.Json;
using Ledger.Core.Archive;
using Marten;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>`ledger quarantine`: every message that could not be read, with its reason and where it came from.</summary>
public static class QuarantineCommand
{
    public static Command Create()
    {
        var format = Formats.Option("text", "json");
        var command = new Command("quarantine", "List quarantined messages with their reason and position in the source") { format };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await LedgerSession.OpenAsync(parse);
            await using var session = store.QuerySession();
            var items = (await session.Events.QueryRawEventDataOnly<MessageQuarantined>().ToListAsync(ct))
                .Select(q => new { q.Sha256, q.Reason, q.Source, q.Position }).OrderBy(q => q.Source).ThenBy(q => q.Position).ToList();
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(items, Json.Options));
                return 0;
            }
            if (items.Count == 0) { Console.WriteLine("nothing is quarantined"); return 0; }
            var table = new Table().AddColumns("source", "position", "reason", "sha256");
            foreach (var q in items) table.AddRow(Markup.Escape(q.Source), Markup.Escape(q.Position), Markup.Escape(q.Reason), q.Sha256[..12]);
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
