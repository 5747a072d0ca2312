using System.Text.RegularExpressions;
using Ledger.Core.Review;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Text;

namespace Ledger.Core.Decisions;

/// <summary>
/// Every lineage states a decision: what the change does and why. Its rationale is the commit messages and added comments
/// of each version (so rewordings show as revisions with a word diff), its history the review that shaped it.
/// </summary>
public static partial class DecisionDetection
{
    private static readonly HashSet<ActType> Shaping = [ActType.Objection, ActType.Question, ActType.Suggestion, ActType.Rewording, ActType.Direction, ActType.Pushback, ActType.Applied];
    private static readonly HashSet<string> CommonHyphenated = ["signed-off-by", "reviewed-by", "acked-by", "tested-by", "suggested-by", "reported-by", "co-developed-by", "nacked-by", "cc", "e-mail", "so-called", "well-known", "up-to-date", "built-in", "read-only", "write-only", "non-zero", "follow-up", "in-place", "per-cpu", "run-time", "out-of-tree", "one-off", "re-use", "pre-existing", "x86-64", "git-send-email"];

    [GeneratedRegex(@"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")]
    private static partial Regex Macro();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b")]
    private static partial Regex Hyphenated();

    /// <summary>How much a reply must say in its own words to count as discussion when no act rule matched it.</summary>
    public const int DiscussionMinimum = 200;

    public static List<object> Detect(Lineage lineage, IReadOnlyList<(ExtractedAct Act, ResolutionFinding? Resolution)> acts, IReadOnlyList<CollectedTrailer> trailers,
        IReadOnlyList<Review.Threads.MailView> replies, Review.Threads.MailIndex index)
    {
        var id = DecisionIds.ForLineage(lineage.Id);
        var first = lineage.Versions[0];
        // Each version's rationale is read for its own revision, the next one's, and the scope: made once.
        var blocksOf = lineage.Versions.ToDictionary(v => v, v => Blocks(v, lineage));
        var events = new List<object>
        {
            new DecisionDetected(id, lineage.Id, lineage.Latest.Title, Scope(lineage, blocksOf, acts), first.Date, first.First.Mail.MessageId, Provenance.Of("decision.lineage-states-change")),
            new DecisionStatusDetected(id, lineage.Id, "proposed", first.First.Mail.MessageId, first.Author, first.Date, Provenance.Of("status.posted")),
        };

        SeriesVersion? previous = null;
        string? before = null;
        foreach (var version in lineage.Versions)
        {
            var blocks = blocksOf[version];
            var text = string.Join("\n\n", blocks.Select(b => b.Text));
            if (before != text)
            {
                var prompted = previous is null ? [] : acts
                    .Where(a => a.Act.Version == previous && a.Resolution is { Status: "addressed" } r && version.Postings.Any(p => p.Mail.MessageId == r.EvidenceMessageId))
                    .Select(a => a.Act.Reply.Mail.MessageId).Distinct().ToArray();
                events.Add(new RationaleRevised(id, lineage.Id, version.Version, version.First.Mail.MessageId, version.Author, version.Date, blocks,
                    before is null ? 0 : Math.Round(Words.Jaccard(before, text), 3), before is null ? null : WordDiff.Between(before, text), prompted,
                    Provenance.Of(previous is null ? "rationale.first-posting" : "rationale.revised")));
            }
            if (previous is not null && before != text)
                events.AddRange(PatchRevisions(id, lineage, previous, version, acts));
            events.Add(new DecisionEvidenceFound(id, lineage.Id, version.First.Mail.MessageId, version.Author, version.Date, version.Version, "posted",
                $"v{version.Version} posted: {version.Title} ({version.Patches.Count} patch{(version.Patches.Count == 1 ? "" : "es")})", Provenance.Of("history.posted")));
            previous = version;
            before = text;
        }

        // One history line per message and kind: a reply asking three questions is one step of the story.
        foreach (var (found, resolution) in acts.Where(a => Shaping.Contains(a.Act.Act.Type) || IsAuthorAgreeing(a.Act, lineage)).GroupBy(a => (a.Act.Reply.Key, a.Act.Act.Type)).Select(g => g.First()))
        {
            var (reply, detected) = (found.Reply, found.Act);
            var summary = Words.FirstSentences(detected.Text);
            if (detected.ProposedText is { Length: > 0 } p) summary += " Proposed: \"" + Words.FirstSentences(p, 160) + "\"";
            if (resolution is not null && resolution.Status != "open") summary += $" [{resolution.Status}]";
            var said = string.Join("\n", reply.Reply.Segments.Select(x => x.Text));
            events.Add(new DecisionEvidenceFound(id, lineage.Id, reply.Mail.MessageId, reply.Person, reply.Date, found.Version.Version,
                detected.Type.ToString().ToLowerInvariant(), summary, new Provenance(detected.Rule, ActRules.Version, detected.Confidence))
            { Detail = said.Length <= 2000 ? said : said[..2000] });
            if (detected.Type == ActType.Applied)
                events.Add(new DecisionStatusDetected(id, lineage.Id, "accepted", reply.Mail.MessageId, reply.Person, reply.Date, Provenance.Of("status.applied")));
        }

        // Substantive replies that no rule classified still belong to the story: kept as discussion, never dropped.
        var told = acts.Where(a => Shaping.Contains(a.Act.Act.Type) || IsAuthorAgreeing(a.Act, lineage)).Select(a => a.Act.Reply.Key).ToHashSet();
        foreach (var reply in replies.Where(r => !told.Contains(r.Key)))
        {
            var said = string.Join("\n", reply.Reply.Segments.Select(x => x.Text)).Trim();
            if (said.Length < DiscussionMinimum) continue;
            events.Add(new DecisionEvidenceFound(id, lineage.Id, reply.Mail.MessageId, reply.Person, reply.Date, VersionOf(lineage, index, reply), "discussion",
                Words.FirstSentences(said), Provenance.Of("history.discussion", 0.5)) { Detail = said.Length <= 2000 ? said : said[..2000] });
        }

        // A NAK that no later version answered is where the change stopped: rejected, unless a later apply says otherwise.
        var lastPosted = lineage.Versions.Max(v => v.Date);
        var nak = acts.Select(a => a.Act).Where(a => a.Act.Rule == "objection.nak" && a.Reply.Mail.FromAddress != a.Version.AuthorAddress && a.Reply.Date >= lastPosted)
            .OrderBy(a => a.Reply.Date).FirstOrDefault();
        if (nak is not null)
            events.Add(new DecisionStatusDetected(id, lineage.Id, "rejected", nak.Reply.Mail.MessageId, nak.Reply.Person, nak.Reply.Date, Provenance.Of("status.nak-unanswered", 0.8)));

        foreach (var given in trailers.GroupBy(t => (t.GivenIn.Key, t.Trailer.Name)).Select(g => g.First()))
        {
            var kind = given.Withdrawn ? "trailer-withdrawn" : "trailer";
            events.Add(new DecisionEvidenceFound(id, lineage.Id, given.GivenIn.Mail.MessageId, given.GivenIn.Person, given.GivenIn.Date, given.Version.Version, kind,
                $"{given.Trailer.Name}: {given.Trailer.Value}{(given.Conditional ? " (conditional)" : "")}{(given.Withdrawn ? " - later withdrawn" : "")}", Provenance.Of(given.Rule)));
        }
        return events;
    }

    /// <summary>
    /// The rationale a version states. A patch of the version that the archive lacks keeps the text of its latest
    /// earlier counterpart (same slot), marked as such: the rationale "as it stands" is what was last seen.
    /// </summary>
    private static int VersionOf(Lineage lineage, Review.Threads.MailIndex index, Review.Threads.MailView reply) =>
        index.PostingOf(reply) is { } posting && lineage.Versions.FirstOrDefault(v => v.Postings.Any(p => p.Key == posting.Key)) is { } version
            ? version.Version : lineage.Versions[0].Version;

    /// <summary>The author agreeing to what review asked is part of why the text changed.</summary>
    private static bool IsAuthorAgreeing(ExtractedAct act, Lineage lineage) =>
        act.Act.Type is ActType.Acceptance && act.Reply.Mail.FromAddress == act.Version.AuthorAddress;

    /// <summary>One history line per patch whose commit message or added comments changed, citing what review prompted it.</summary>
    private static IEnumerable<object> PatchRevisions(string id, Lineage lineage, SeriesVersion previous, SeriesVersion version,
        IReadOnlyList<(ExtractedAct Act, ResolutionFinding? Resolution)> acts)
    {
        // A patch's earlier self is the first patch of the previous version it continues (one pass, not one per patch).
        var earlierOf = new Dictionary<Review.Threads.MailView, Review.Threads.MailView>();
        foreach (var p in previous.Patches)
            if (version.Counterpart(p) is { } counterpart) earlierOf.TryAdd(counterpart, p);
        foreach (var patch in version.Patches)
        {
            var earlier = earlierOf.GetValueOrDefault(patch);
            var now = Prose(patch);
            var then = earlier is null ? null : Prose(earlier);
            if (then is null || then == now || now.Length == 0) continue;
            var prompted = acts.Where(a => a.Act.Version == previous && a.Resolution is { Status: "addressed" } r
                    && (r.EvidenceMessageId == patch.Mail.MessageId || r.AdoptedIn.Any(x => x.MessageId == patch.Mail.MessageId && x.Score >= 0.5)))
                .Select(a => a.Act.Reply.Person).Distinct().ToList();
            var slot = patch.Subject.Total > 0 ? $"{patch.Subject.Index}/{patch.Subject.Total}" : "patch";
            yield return new DecisionEvidenceFound(id, lineage.Id, patch.Mail.MessageId, version.Author, patch.Date, version.Version, "rationale-revised",
                $"{slot}: commit message/comments reworded ({Words.Jaccard(then, now):P0} similar to v{previous.Version})"
                + (prompted.Count > 0 ? $", taking up review by {string.Join(", ", prompted)}" : ""), Provenance.Of("rationale.patch-revised"));
        }
    }

    private static string Prose(Review.Threads.MailView patch) =>
        string.Join("\n\n", patch.Patch.AddedComments.Select(c => c.Text).Prepend(patch.Patch.CommitMessage.Trim()));

    public static RationaleBlock[] Blocks(SeriesVersion version, Lineage lineage)
    {
        var blocks = new List<RationaleBlock>();
        var total = version.Patches.Select(p => p.Subject.Total).DefaultIfEmpty(0).Max();
        var patches = version.Patches.Select(p => (Patch: p, From: (int?)null)).ToList();
        for (var slot = 1; slot <= total; slot++)
        {
            if (version.Patches.Any(p => p.Subject.Index == slot)) continue;
            var earlier = lineage.Versions.Where(v => v.Version < version.Version && v.Patches.Any(p => p.Subject.Index == slot && p.Subject.Total == total))
                .OrderByDescending(v => v.Version).FirstOrDefault();
            if (earlier is not null) patches.Add((earlier.Patches.First(p => p.Subject.Index == slot), earlier.Version));
        }
        foreach (var (patch, from) in patches.OrderBy(p => p.Patch.Subject.Index))
        {
            var slot = (patch.Subject.Total > 0 ? $"{patch.Subject.Index}/{patch.Subject.Total}" : "patch") + (from is null ? "" : $" (as last posted, v{from})");
            var message = patch.Patch.CommitMessage.Trim();
            if (message.Length > 0) blocks.Add(new RationaleBlock(patch.Mail.MessageId, $"{slot} commit message", message));
            foreach (var comment in patch.Patch.AddedComments.Where(c => c.Text.Length > 60))
                blocks.Add(new RationaleBlock(patch.Mail.MessageId, $"{slot} comment in {comment.Path}", comment.Text.Trim()));
        }
        return blocks.ToArray();
    }

    private static string[] Scope(Lineage lineage, Dictionary<SeriesVersion, RationaleBlock[]> blocksOf, IReadOnlyList<(ExtractedAct Act, ResolutionFinding? Resolution)> acts)
    {
        var latest = lineage.Latest;
        var subsystems = lineage.Versions.SelectMany(v => v.Titles).Select(t => t.LastIndexOf(':') is var i and > 0 ? t[..i].Trim() : null)
            .OfType<string>().Where(s => s.Length < 40).Select(s => s.ToLowerInvariant()).Distinct();
        var files = latest.Patches.SelectMany(p => p.Patch.Files).Select(f => f.NewPath == "/dev/null" ? f.OldPath : f.NewPath).Distinct();
        var prose = string.Join("\n", lineage.Versions.SelectMany(v => blocksOf[v]).Select(b => b.Text).Concat(acts.Select(a => a.Act.Act.Text)));
        var code = string.Join("\n", latest.Patches.SelectMany(p => p.Patch.Files).SelectMany(f => f.Hunks).SelectMany(h => h.Added));
        var symbols = Macro().Matches(prose + "\n" + code).Select(m => m.Value).GroupBy(s => s).OrderByDescending(g => g.Count()).Take(15).Select(g => g.Key);
        var entities = Hyphenated().Matches(prose).Select(m => m.Value).Where(e => !CommonHyphenated.Contains(e) && e.Length > 4 && !e.Contains("--"))
            .GroupBy(e => e).Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).Take(15).Select(g => g.Key);
        return subsystems.Concat(files).Concat(symbols).Concat(entities).Distinct().ToArray();
    }
}
