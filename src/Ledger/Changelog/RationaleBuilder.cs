using Ledger.Core.Archive;
using Ledger.Core.Review;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;

namespace Ledger.Changelog;

public sealed record TrailerLine(string Name, string Value, string? GivenIn, string Source);
public sealed record PatchRationale(string MessageId, string Subject, int Version, string Rationale, IReadOnlyList<TrailerLine> Trailers, IReadOnlyList<string> Links)
{
    /// <summary>The block as it goes into a commit message: paragraphs, a blank line, trailers, Link: tags.</summary>
    public string CommitMessageBlock =>
        Rationale.TrimEnd() + "\n\n" + string.Join("\n", Trailers.Select(t => $"{t.Name}: {t.Value}").Concat(Links.Select(l => "Link: " + l)));
}

/// <summary>
/// `ledger rationale`: the commit message as it stands and the trailer block the patch should carry now, collected as b4
/// does — the patch's own trailers in its own order, those given in review added before the submitter's sign-off,
/// withdrawals honoured, conditional ones only once the condition was met, duplicates removed — plus Link: tags to lore.
/// </summary>
public static class RationaleBuilder
{
    public static PatchRationale Build(SeriesLineage lineage, DecisionRationale? decision, VersionEntry version, PatchRef patch)
    {
        var texts = new PatchTexts(lineage, decision);
        var message = texts.BlocksOf(version.Version, patch).FirstOrDefault(b => b.Label.Contains("commit message"))?.Text ?? "";
        // A withdrawal takes back what was given before it; a version posted after it carries trailers given anew.
        var withdrawn = lineage.Withdrawals.Where(w => w.Date >= version.Date).ToList();
        bool Withdrawn(string name, string value) => withdrawn.Any(w => w.Name == name && value.Contains(w.SenderAddress, StringComparison.OrdinalIgnoreCase));

        var own = patch.Trailers.Where(t => t.Name != "Link" && !Withdrawn(t.Name, t.Value)).Select(t => new TrailerLine(t.Name, t.Value, null, "patch")).ToList();
        var met = lineage.Acts.Where(a => a.Resolution is { Status: "addressed" }).Select(a => a.Act.MessageId).ToHashSet();
        var given = lineage.Trailers
            .Where(t => t.PatchMessageId == patch.MessageId && !t.Withdrawn && !t.SenderMismatch && (!t.Conditional || met.Contains(t.GivenIn)))
            .Select(t => new TrailerLine(t.Name, t.Value, t.GivenIn, "review"));

        var trailers = new List<TrailerLine>();
        var signOff = own.FindLastIndex(t => t.Name == "Signed-off-by");
        var ownBefore = signOff < 0 ? own : own[..signOff];
        var ownAfter = signOff < 0 ? [] : own[signOff..];
        foreach (var t in ownBefore.Concat(given).Concat(ownAfter))
            if (!trailers.Any(x => x.Name == t.Name && Person(x.Value) == Person(t.Value))) trailers.Add(t);

        var links = patch.Trailers.Where(t => t.Name == "Link").Select(t => t.Value).Append(MessageIds.LoreLink(patch.MessageId)).OfType<string>().Distinct().ToList();
        return new PatchRationale(patch.MessageId, patch.Subject, version.Version, message, trailers, links);
    }

    private static string Person(string value)
    {
        var lt = value.IndexOf('<');
        var gt = value.IndexOf('>');
        return (lt >= 0 && gt > lt ? value[(lt + 1)..gt] : value).Trim().ToLowerInvariant();
    }
}
