using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Core.Text;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;

namespace Ledger.Changelog;

public sealed record Change(string Patch, string Summary, string? PromptedBy, string? Reviewer, string Kind, string? Link);
public sealed record VersionChanges(int Version, int? FromVersion, IReadOnlyList<Change> Changes);

/// <summary>
/// "Changes in vN": one line per difference between v(N-1) and vN — patches added or dropped, subjects, code, commit
/// messages and comments, collected trailers — each citing the review message that prompted it, or saying none did.
/// </summary>
public static class ChangelogBuilder
{
    /// <summary>How strong the evidence of a resolution must be before a change is credited to the review that asked for it.</summary>
    public const double PromptThreshold = 0.5;

    public static VersionChanges Build(SeriesLineage lineage, DecisionRationale? decision, int version)
    {
        var texts = new PatchTexts(lineage, decision);
        var current = texts.Version(version) ?? throw new ArgumentException($"the lineage has no v{version}");
        var previous = lineage.Versions.Where(v => v.Version < version).OrderBy(v => v.Version).LastOrDefault();
        if (previous is null) return new(version, null, [new Change("series", $"first posting: {current.Subject}", null, null, "posted", null)]);

        var changes = new List<Change>();
        // Credit goes to review: the author's own musings in the thread prompt nothing in the changelog.
        var addressed = lineage.Acts.Where(a => a.Act.Version == previous.Version && a.Resolution is { Status: "addressed" }
            && a.Act.AuthorAddress != previous.AuthorAddress && a.Act.AuthorAddress != current.AuthorAddress).ToList();
        var matched = new HashSet<string>();
        var counterparts = PatchTexts.Counterparts(previous, current);
        foreach (var patch in current.Patches)
        {
            var at = Enumerable.Range(0, previous.Patches.Length).FirstOrDefault(i => !matched.Contains(previous.Patches[i].MessageId) && counterparts[i] == patch, -1);
            var before = at < 0 ? null : previous.Patches[at];
            var slot = PatchTexts.Slot(patch);
            if (before is null && Missing(previous, patch.Index, patch.Total))
            {
                changes.Add(new Change(slot, $"{patch.Title}: v{previous.Version} {slot} is not in the archive, so its changes cannot be told", null, null, "unknown", null));
                continue;
            }
            if (before is null)
            {
                changes.AddRange(Prompted(addressed, patch, null, slot, $"new patch: {patch.Title}", "patch-added"));
                // A review given on a diff proposed inline during the previous version's review, which this new patch makes.
                changes.AddRange(Collected(lineage.Trailers.Where(t => t.Version == version && t.PatchMessageId == patch.MessageId
                    && t.Provenance.Rule == "trailer.on-inline-diff" && t.CarriedInNextVersion && !t.Withdrawn), slot));
                continue;
            }
            matched.Add(before.MessageId);
            if (before.Title != patch.Title)
                changes.Add(new Change(slot, string.Equals(before.Title, patch.Title, StringComparison.OrdinalIgnoreCase)
                    ? $"subject capitalised: \"{patch.Title}\"" : $"subject: \"{before.Title}\" -> \"{patch.Title}\"", null, null, "subject", null));
            // One line per part: a file's comments together, as the commit message is one.
            var then = Parts(texts.BlocksOf(previous.Version, before));
            var now = Parts(texts.BlocksOf(version, patch));
            foreach (var (label, text) in now)
            {
                var earlier = then.GetValueOrDefault(label);
                if (earlier == text) continue;
                var what = earlier is null ? $"added {label}" : $"reworded {label}";
                changes.AddRange(Prompted(addressed.Where(a => a.Resolution!.AdoptedIn.Any(x => x.MessageId == patch.MessageId && x.Where.EndsWith(label, StringComparison.Ordinal))
                    || (earlier is not null && TextChangedIn(a, patch, earlier))).ToList(), patch, null, slot, what, "text"));
            }
            foreach (var (label, earlier) in then.Where(p => !now.ContainsKey(p.Key)))
                changes.AddRange(Prompted(addressed.Where(a => TextChangedIn(a, patch, earlier)).ToList(), patch, null, slot, $"removed {label}", "text"));
            if (before.CodeId != patch.CodeId && patch.CodeId is not null)
                changes.AddRange(Prompted(addressed.Where(a => a.Resolution!.EvidenceMessageId == patch.MessageId && CodeRules.Contains(a.Resolution.Provenance.Rule)).ToList(),
                    patch, null, slot, $"code changed in {string.Join(", ", patch.Files.Distinct())}", "code"));
            changes.AddRange(Collected(lineage.Trailers.Where(t => t.Version == previous.Version && t.PatchMessageId == before.MessageId && t.CarriedInNextVersion && !t.Withdrawn), slot));
        }
        foreach (var dropped in previous.Patches.Where(p => !matched.Contains(p.MessageId) && !Missing(current, p.Index, p.Total)))
            changes.Add(new Change(PatchTexts.Slot(dropped), $"dropped patch: {dropped.Title}", null, null, "patch-dropped", Link(dropped.MessageId)));
        return new(version, previous.Version, changes);
    }

    /// <summary>A slot the version announces (i/n) but the archive does not hold: neither added nor dropped, just unknown.</summary>
    private static bool Missing(VersionEntry version, int index, int total) =>
        index >= 1 && version.Patches.Any(p => p.Total == total) && version.Patches.All(p => p.Index != index);

    /// <summary>One line per review message that prompted the change; a change nobody asked for says so.</summary>
    private static IEnumerable<Change> Prompted(IReadOnlyList<ActEntry> acts, PatchRef patch, string? _, string slot, string what, string kind)
    {
        var prompts = acts.Where(a => a.Resolution!.Score >= PromptThreshold
                && (a.Resolution.EvidenceMessageId == patch.MessageId || a.Resolution.AdoptedIn.Any(x => x.MessageId == patch.MessageId && x.Score >= PromptThreshold)))
            .GroupBy(a => a.Act.MessageId).Select(g => g.First()).ToList();
        if (prompts.Count == 0)
        {
            yield return new Change(slot, what + " (not prompted by review)", null, null, kind, null);
            yield break;
        }
        foreach (var p in prompts)
            yield return new Change(slot, $"{what}, as {p.Act.Author} {Verb(p.Act.Type)}", p.Act.MessageId, p.Act.Author, kind, Link(p.Act.MessageId));
    }

    private static string Verb(string type) => type switch
    {
        "rewording" => "proposed", "question" => "asked", "objection" => "objected", "nit" => "pointed out", _ => "suggested",
    };

    /// <summary>The resolution rules that find a point addressed by a change to the code.</summary>
    private static readonly HashSet<string> CodeRules =
        ["resolution.region-changed", "resolution.commented-line-changed", "resolution.hunk-changed", "resolution.reported-file-changed", "resolution.diff-adopted"];

    /// <summary>
    /// The act quoted this text, and the next version changed the text it quoted: it prompted the change of this part
    /// (a patch's commit message and each file's comments are told apart by what the reviewer quoted).
    /// </summary>
    private static bool TextChangedIn(ActEntry a, PatchRef patch, string earlier) =>
        a.Resolution!.EvidenceMessageId == patch.MessageId && a.Resolution.Provenance.Rule == "resolution.text-changed"
        && Words.Containment(a.Act.QuotedContext, earlier) >= QuotedInPart;

    /// <summary>How much of a quote must come from a part's earlier text to tie the quote to that part.</summary>
    private const double QuotedInPart = 0.5;

    private static Dictionary<string, string> Parts(IEnumerable<RationaleBlock> blocks) =>
        blocks.GroupBy(b => Part(b.Label)).ToDictionary(g => g.Key, g => string.Join("\n\n", g.Select(b => b.Text)));

    private static string Part(string label) => label.Contains("commit message") ? "commit message" : label[(label.IndexOf("comment", StringComparison.Ordinal) is var i and >= 0 ? i : 0)..];

    /// <summary>Trailers a patch of this version carries from review, one line per name and value.</summary>
    private static IEnumerable<Change> Collected(IEnumerable<TrailerGiven> trailers, string slot) =>
        trailers.GroupBy(t => (t.Name, t.Value)).Select(g => g.First())
            .Select(t => new Change(slot, $"collected {t.Name}: {t.Value}", t.GivenIn, t.Sender, "trailer", Link(t.GivenIn)));

    private static string? Link(string? messageId) => messageId is null ? null : Core.Archive.MessageIds.LoreLink(messageId);
}
