using System.CommandLine;
using Ledger.Queries;
using Marten;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>`ledger series`, `acts`, `trailers`: what review understanding found.</summary>
public static class QueryCommands
{
    public static IEnumerable<Command> Create() =>
        [Series(), Acts(), Trailers(), WhyCommand.Create(), HistoryCommand.Create(), ChangelogCommand.Create(), RationaleCommand.Create(),
         .. MaintenanceCommands.Create(), DecideCommand.Create()];

    private static Command Series()
    {
        var format = Formats.Option("text", "json");
        var query = new Option<string?>("--query") { Description = "Only lineages whose subject or author has these words (or that hold this Message-ID)" };
        var command = new Command("series", "Series lineages: every version v1..vN of the same work") { format, query, AsOf.DateOption, AsOf.VersionOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            await using var session = store.QuerySession();
            var series = await ReviewQueries.SeriesAsync(session, parse.GetValue(query), AsOf.From(parse), ct);
            if (parse.GetValue(format) == "json") { CommandRunner.WriteJson(series); return 0; }
            foreach (var s in series)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(s.Subject)}[/] [grey]({Markup.Escape(s.Author)}, lineage {Markup.Escape(s.Lineage)})[/]");
                foreach (var v in s.Versions)
                    AnsiConsole.MarkupLine($"  v{v.Version} {v.Date:yyyy-MM-dd} {v.Patches.Count} patch(es){(v.Cover is null ? "" : ", cover " + Markup.Escape(v.Cover))} [grey]{Markup.Escape(v.LinkedBy)}[/]");
            }
            return 0;
        });
        return command;
    }

    private static Command Acts()
    {
        var format = Formats.Option("text", "json");
        var series = new Option<string?>("--series") { Description = "A lineage id or any Message-ID of the series" };
        var command = new Command("acts", "Review acts found in replies, with their targets and resolutions") { format, series, AsOf.DateOption, AsOf.VersionOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            await using var session = store.QuerySession();
            var asOf = AsOf.From(parse);
            var spec = parse.GetValue(series);
            var lineages = spec is null
                ? (await session.Query<Projections.Lineages.SeriesLineage>().Where(l => l.MergedInto == null).ToListAsync(ct)).ToList()
                : [await Lookup.LineageAsync(session, spec, ct)];
            var acts = lineages.SelectMany(l => ReviewQueries.Acts(l, asOf)).OrderBy(a => a.Date).ToList();
            if (parse.GetValue(format) == "json") { CommandRunner.WriteJson(acts); return 0; }
            var table = new Table().AddColumns("date", "v", "who", "type", "resolution", "text");
            foreach (var a in acts)
                table.AddRow(a.Date.ToString("yyyy-MM-dd"), a.Version.ToString(), Markup.Escape(a.Author), a.Type, a.Resolution.Status,
                    Markup.Escape(Core.Text.Words.FirstSentences(a.Text, 100)));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }

    private static Command Trailers()
    {
        var format = Formats.Option("text", "json");
        var target = new Argument<string>("lineage-or-msgid");
        var command = new Command("trailers", "Per patch, the trailers the next version should carry, with attribution") { target, format, AsOf.DateOption, AsOf.VersionOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            await using var session = store.QuerySession();
            var lineage = await Lookup.LineageAsync(session, parse.GetValue(target)!, ct);
            var result = ReviewQueries.Trailers(lineage, parse.GetValue(AsOf.VersionOption), AsOf.From(parse) with { Version = null });
            if (parse.GetValue(format) == "json") { CommandRunner.WriteJson(result); return 0; }
            foreach (var p in result)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(p.Subject)}[/] [grey]<{Markup.Escape(p.MessageId)}>[/]");
                foreach (var t in p.Trailers)
                    AnsiConsole.MarkupLine($"  {Markup.Escape(t.Name)}: {Markup.Escape(t.Value)}{(t.Conditional ? " [yellow](conditional)[/]" : "")}{(t.Withdrawn ? " [red](withdrawn)[/]" : "")}{(t.SenderMismatch ? " [red](does not match its sender)[/]" : "")} [grey]{Markup.Escape(t.GivenIn ?? "in the patch")}[/]");
            }
            return 0;
        });
        return command;
    }
}
