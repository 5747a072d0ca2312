using System.CommandLine;
using System.Text;
using Ledger.Queries;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>`ledger history LINEAGE|DECISION|MSGID`: the timeline, aligned and wrapped for a terminal, or markdown/json.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("lineage-decision-or-msgid");
        var format = Formats.Option("text", "markdown", "json");
        var command = new Command("history", "The timeline: versions, review acts, resolutions, decisions") { target, format, AsOf.DateOption, AsOf.VersionOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            await using var session = store.QuerySession();
            var timeline = await HistoryQuery.RunAsync(session, parse.GetValue(target)!, AsOf.From(parse), ct);
            switch (parse.GetValue(format))
            {
                case "json": CommandRunner.WriteJson(timeline); break;
                case "markdown": Console.Write(Markdown(timeline)); break;
                default:
                    AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(timeline.Subject)}[/]").LeftJustified());
                    AnsiConsole.MarkupLine($"[grey]lineage {Markup.Escape(timeline.Lineage)} · decision {timeline.DecisionId} · {timeline.Status}[/]");
                    AnsiConsole.Write(Timeline.Grid(timeline.Entries));
                    break;
            }
            return 0;
        });
        return command;
    }

    private static string Markdown(HistoryQuery.Timeline t)
    {
        var md = new StringBuilder($"## {t.Subject}\n\nlineage `{t.Lineage}` · decision `{t.DecisionId}` · **{t.Status}**\n\n");
        foreach (var e in t.Entries)
            md.AppendLine($"- {e.Date:yyyy-MM-dd} **{e.Person}**{(e.Version is null ? "" : $" (v{e.Version})")} _{e.Kind}_: {e.Summary}{(e.Link is null ? "" : $" ([lore]({e.Link}))")}");
        return md.ToString();
    }
}
