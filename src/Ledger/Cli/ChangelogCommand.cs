using System.CommandLine;
using System.Text;
using Ledger.Changelog;
using Ledger.Queries;

namespace Ledger.Cli;

/// <summary>`ledger changelog X [--version N | --range A..B]`: the "Changes in vN" a cover letter needs.</summary>
public static class ChangelogCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("lineage-or-msgid");
        var range = new Option<string?>("--range") { Description = "Versions A..B" };
        var format = Formats.Option("text", "markdown", "json");
        var command = new Command("changelog", "\"Changes in vN\" between versions, each line citing the review that prompted it")
            { target, AsOf.VersionOption, range, format, AsOf.DateOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            await using var session = store.QuerySession();
            var result = await ChangelogQuery.RunAsync(session, parse.GetValue(target)!, AsOf.From(parse) with { Version = null },
                parse.GetValue(AsOf.VersionOption), parse.GetValue(range), ct);
            switch (parse.GetValue(format))
            {
                case "json": CommandRunner.WriteJson(result); break;
                case "markdown": Console.Write(Render(result, markdown: true)); break;
                default: Console.Write(Render(result, markdown: false)); break;
            }
            return 0;
        });
        return command;
    }

    public static string Render(IEnumerable<VersionChanges> versions, bool markdown)
    {
        var sb = new StringBuilder();
        foreach (var v in versions)
        {
            sb.AppendLine(markdown ? $"### Changes in v{v.Version}" : $"Changes in v{v.Version}:");
            if (markdown) sb.AppendLine();
            foreach (var c in v.Changes)
            {
                sb.AppendLine($"- {c.Patch}: {c.Summary}");
                if (c.Link is not null) sb.AppendLine(markdown ? $"  ([{c.Reviewer ?? "lore"}]({c.Link}))" : $"  {c.Link}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
