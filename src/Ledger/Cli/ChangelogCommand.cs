using System.CommandLine;
using System.Text;
using Ledger.Changelog;
using Ledger.Core.Decisions;
using Ledger.Projections.Decisions;
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
            var asOf = AsOf.From(parse) with { Version = null };
            var lineage = LineageAsOf.Filter(await Lookup.LineageAsync(session, parse.GetValue(target)!, ct), asOf);
            var decision = LineageAsOf.Filter(await session.LoadAsync<DecisionRationale>(DecisionIds.ForLineage(lineage.LineageId), ct), asOf);
            var available = lineage.Versions.Select(v => v.Version).Distinct().OrderBy(v => v).ToList();
            if (available.Count == 0) throw new UserError("the lineage has no version posted by that date");
            var versions = Versions(parse.GetValue(AsOf.VersionOption), parse.GetValue(range), available);
            var result = versions.Select(v => ChangelogBuilder.Build(lineage, decision, v)).ToList();
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

    private static List<int> Versions(int? version, string? range, List<int> available)
    {
        if (version is { } n)
            return available.Contains(n) ? [n] : throw new UserError($"no v{n} in this lineage; it has {string.Join(", ", available.Select(v => "v" + v))}");
        if (range is null) return [available[^1]];
        var parts = range.Split("..");
        if (parts.Length != 2 || !int.TryParse(parts[0].TrimStart('v'), out var a) || !int.TryParse(parts[1].TrimStart('v'), out var b))
            throw new UserError($"--range '{range}' is not A..B");
        return available.Where(v => v > a && v <= b).ToList();
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
