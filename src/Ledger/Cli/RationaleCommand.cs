using System.CommandLine;
using Ledger.Changelog;
using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Projections.Decisions;
using Ledger.Queries;

namespace Ledger.Cli;

/// <summary>`ledger rationale PATCH|LINEAGE [--version N]`: a commit-message-ready block with its trailers and Link: tags.</summary>
public static class RationaleCommand
{
    public static Command Create()
    {
        var target = new Argument<string>("patch-msgid-or-lineage");
        var format = Formats.Option("text", "json");
        var command = new Command("rationale", "The commit message as it stands, with the trailer block the patch should carry now") { target, AsOf.VersionOption, format, AsOf.DateOption };
        command.SetStoreAction(async (parse, store, ct) =>
        {
            await using var session = store.QuerySession();
            var spec = parse.GetValue(target)!;
            var asOf = AsOf.From(parse) with { Version = null };
            var lineage = LineageAsOf.Filter(await Lookup.LineageAsync(session, spec, ct), asOf);
            var decision = LineageAsOf.Filter(await session.LoadAsync<DecisionRationale>(DecisionIds.ForLineage(lineage.LineageId), ct), asOf);
            var key = MessageIds.Key(Lookup.MessageIdOf(spec));
            var posted = lineage.Versions.FirstOrDefault(v => v.Patches.Any(p => MessageIds.Key(p.MessageId) == key));
            var wanted = parse.GetValue(AsOf.VersionOption);
            var version = wanted is { } n ? lineage.Versions.LastOrDefault(v => v.Version == n) : posted ?? lineage.Versions.LastOrDefault();
            if (version is null) throw new UserError($"no v{wanted} in this lineage");
            var patches = posted is not null
                ? [PatchTexts.Counterpart(posted.Patches.First(p => MessageIds.Key(p.MessageId) == key), version) ?? throw new UserError($"v{version.Version} has no counterpart of that patch")]
                : version.Patches.ToList();
            var result = patches.Select(p => RationaleBuilder.Build(lineage, decision, version, p)).ToList();
            if (parse.GetValue(format) == "json") { CommandRunner.WriteJson(result); return 0; }
            foreach (var r in result)
            {
                if (result.Count > 1) Console.WriteLine($"# {r.Subject}");
                Console.WriteLine(r.CommitMessageBlock);
                Console.WriteLine();
            }
            return 0;
        });
        return command;
    }
}
