using System.CommandLine;
using System.Text;
using Ledger.Queries;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>`ledger why QUERY`: the decisions behind a topic, with the current rationale and the full history of why.</summary>
public static class WhyCommand
{
    public sealed record WhyJson(string Id, string Title, string Status, string[] Scope, string Rationale, string? RationaleMessageId,
        int? RationaleVersion, IReadOnlyList<HistoryJson> Policy, IReadOnlyList<HistoryJson> History);
    public sealed record HistoryJson(DateTimeOffset Date, string Person, string? MessageId, int? Version, string Kind, string Summary, string? Link, string Rule);

    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "A topic, entity, symbol, file path, decision id, Message-ID or lore URL" };
        var format = Formats.Option("text", "markdown", "json");
        var limit = new Option<int>("--limit") { Description = "How many decisions at most", DefaultValueFactory = _ => 3 };
        var command = new Command("why", "Why is the code the way it is? Ranked decisions with rationale and history") { query, format, limit, AsOf.DateOption, AsOf.VersionOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            var q = parse.GetValue(query)!;
            var views = await WhyQuery.RunAsync(store, q, AsOf.From(parse), parse.GetValue(limit), ct);
            if (views.Count == 0)
            {
                await using var session = store.QuerySession();
                throw new UserError($"no decision matches '{q}'.{await Lookup.SuggestAsync(session, q, ct)}");
            }
            switch (parse.GetValue(format))
            {
                case "json": CommandRunner.WriteJson(views.Select(ToJson).ToList()); break;
                case "markdown": Console.Write(Markdown(views)); break;
                default: Text(views); break;
            }
            return 0;
        });
        return command;
    }

    public static WhyJson ToJson(DecisionView v) => new(v.Id, v.Title, v.Status, v.Scope, v.Rationale, v.RationaleMessageId, v.RationaleVersion,
        v.Policy.Select(H).ToList(), v.History.Select(H).ToList());

    private static HistoryJson H(HistoryLine h) => new(h.Date, h.Person, h.MessageId, h.Version, h.Kind, h.Summary, h.Link, h.Rule);

    private static void Text(IEnumerable<DecisionView> views)
    {
        foreach (var v in views)
        {
            AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(v.Title)}[/]").LeftJustified());
            AnsiConsole.MarkupLine($"[grey]{v.Id}[/]  status: [bold]{v.Status}[/]  scope: {Markup.Escape(string.Join(", ", v.Scope.Take(12)))}");
            if (v.Policy.Count > 0)
            {
                AnsiConsole.MarkupLine("\n[bold]Policy as stated in review[/]");
                foreach (var p in v.Policy.TakeLast(6))
                    AnsiConsole.MarkupLine($"  {p.Date:yyyy-MM-dd} [cyan]{Markup.Escape(p.Person)}[/] (v{p.Version}, {p.Kind}): {Markup.Escape(p.Summary)}{(p.Link is null ? "" : $"\n    [grey]{Markup.Escape(p.Link)}[/]")}");
            }
            AnsiConsole.MarkupLine($"\n[bold]Current rationale[/] (v{v.RationaleVersion}, {Markup.Escape(v.RationaleMessageId ?? "")})");
            AnsiConsole.WriteLine(v.Rationale);
            AnsiConsole.MarkupLine("\n[bold]History[/]");
            AnsiConsole.Write(Timeline.Grid(v.History));
        }
    }

    public static string Markdown(IEnumerable<DecisionView> views)
    {
        var md = new StringBuilder();
        foreach (var v in views)
        {
            md.AppendLine($"## {v.Title}").AppendLine();
            md.AppendLine($"`{v.Id}` · status **{v.Status}** · scope: {string.Join(", ", v.Scope.Take(12).Select(s => $"`{s}`"))}").AppendLine();
            if (v.Policy.Count > 0)
            {
                md.AppendLine("### Policy as stated in review").AppendLine();
                foreach (var p in v.Policy.TakeLast(6)) md.AppendLine($"- {p.Date:yyyy-MM-dd} **{p.Person}** (v{p.Version}): {p.Summary}{(p.Link is null ? "" : $" ([lore]({p.Link}))")}");
                md.AppendLine();
            }
            md.AppendLine($"### Current rationale (v{v.RationaleVersion})").AppendLine();
            foreach (var line in v.Rationale.Split('\n')) md.AppendLine("> " + line);
            md.AppendLine().AppendLine("### History").AppendLine();
            foreach (var h in v.History) md.AppendLine($"- {h.Date:yyyy-MM-dd} **{h.Person}**{(h.Version is null ? "" : $" (v{h.Version})")} _{h.Kind}_: {h.Summary}{(h.Link is null ? "" : $" ([lore]({h.Link}))")}");
            md.AppendLine();
        }
        return md.ToString();
    }
}
