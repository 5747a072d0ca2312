using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;
using Ledger.Core.Text;

namespace Ledger.Core.Review.Acts;

public sealed record ResolutionFinding(string Status, string? EvidenceMessageId, double Score, string Reason, string Rule)
{
    /// <summary>Every place the next version took the proposal up: a rewording is often split across patches.</summary>
    public IReadOnlyList<Adoption> AdoptedIn { get; init; } = [];
}

/// <summary>Where (patch and part: commit message or a comment in a file) proposed text reappeared, and how much of it.</summary>
public sealed record Adoption(string MessageId, string Where, double Score);

/// <summary>
/// Decides from the next version whether a review act was addressed: the proposed text (or most of it) appears in the
/// next version's comments or commit messages, the quoted lines changed, or the author answered without a change.
/// </summary>
public static class Resolution
{
    public const double AdoptedThreshold = 0.6;
    private static readonly HashSet<ActType> Resolvable = [ActType.Objection, ActType.Question, ActType.Suggestion, ActType.Rewording, ActType.Nit];

    public static bool NeedsResolution(ActType type) => Resolvable.Contains(type);

    public static ResolutionFinding Resolve(MailIndex index, Lineage lineage, ExtractedAct act)
    {
        var next = lineage.Next(act.Version);
        if (next is not null && act.Act.ProposedText is { Length: > 0 } proposed)
        {
            var (patch, score) = BestAdoption(next, proposed);
            if (patch is not null && score >= AdoptedThreshold)
                return new("addressed", patch.Mail.MessageId, Math.Round(score, 2), $"{score:P0} of the proposed words appear in {patch.Subject.Title}", "resolution.text-adopted")
                { AdoptedIn = Adoptions(next, proposed) };
        }
        var answer = Answer(index, act, lineage);
        if (answer is not null && act.Act.Type == ActType.Question)
            return new("answered", answer.Mail.MessageId, 1.0, "answered in the thread", "resolution.answered");
        if (next is not null)
        {
            // A patch split or merged in the next version has no one counterpart: then the whole version is compared.
            var counterpart = next.Counterpart(act.Posting);
            var candidates = counterpart is not null ? [counterpart] : next.Patches;
            var quoted = QuotedCode(act.Segment.QuotedContext);
            if (candidates.Count > 0 && quoted.Count > 0)
            {
                var added = candidates.SelectMany(c => c.Patch.Files).SelectMany(f => f.Hunks).SelectMany(h => h.Added).Select(Normalize).ToHashSet();
                var gone = quoted.Count(q => !added.Contains(q)) / (double)quoted.Count;
                if (gone >= 0.5)
                    return new("addressed", (counterpart ?? next.First).Mail.MessageId, Math.Round(gone, 2), $"{gone:P0} of the quoted lines changed in v{next.Version}", "resolution.region-changed");
            }
            if (candidates.Count > 0 && quoted.Count == 0 && act.Segment.QuotedContext.Length > 40)
            {
                var best = candidates.Select(c => (Patch: c, Score: BestParagraphMatch(c, act.Segment.QuotedContext))).MaxBy(x => x.Score);
                if (best.Score < 0.9)
                    return new("addressed", (counterpart ?? best.Patch).Mail.MessageId, Math.Round(1 - best.Score, 2), $"the quoted text changed in v{next.Version}", "resolution.text-changed");
            }
            if (answer is not null)
                return new("answered", answer.Mail.MessageId, 1.0, "answered without a change", "resolution.answered");
            return new("not-addressed", counterpart?.Mail.MessageId ?? next.Id, 0, $"v{next.Version} left it unchanged", "resolution.unchanged");
        }
        return answer is not null
            ? new("answered", answer.Mail.MessageId, 1.0, "answered; no later version yet", "resolution.answered")
            : new("open", null, 0, "no later version and no answer", "resolution.open");
    }

    /// <summary>Where the proposal landed: rewordings are often split across patches, so every patch of the next version is searched.</summary>
    public static (MailView? Patch, double Score) BestAdoption(SeriesVersion next, string proposed)
    {
        MailView? best = null;
        var bestScore = 0.0;
        foreach (var patch in next.Postings)
            foreach (var paragraph in RationaleText.Paragraphs(patch))
            {
                var score = Words.Containment(proposed, paragraph);
                if (score > bestScore) (best, bestScore) = (patch, score);
            }
        // A proposal split over several paragraphs: measure it against the whole of each patch too.
        foreach (var patch in next.Postings)
        {
            var score = Words.Containment(proposed, string.Join("\n", RationaleText.Paragraphs(patch)));
            if (score > bestScore + 0.1) (best, bestScore) = (patch, score);
        }
        return (best, bestScore);
    }

    /// <summary>Each part of the next version that carries a good share of the proposal (a split rewording shows up in several).</summary>
    public static List<Adoption> Adoptions(SeriesVersion next, string proposed, double threshold = 0.4)
    {
        var found = new List<Adoption>();
        foreach (var patch in next.Postings)
        {
            var slot = patch.Subject.Total > 0 ? $"{patch.Subject.Index}/{patch.Subject.Total} " : "";
            var parts = new List<(string Where, string Text)> { (slot + "commit message", patch.Patch.CommitMessage) };
            parts.AddRange(patch.Patch.AddedComments.Select(c => (slot + "comment in " + c.Path, c.Text)));
            foreach (var (where, text) in parts)
            {
                var score = RationaleText.Split(text).Select(p => Words.Containment(proposed, p)).DefaultIfEmpty(0).Max();
                score = Math.Max(score, Words.Containment(proposed, text) * 0.9);
                if (score >= threshold) found.Add(new Adoption(patch.Mail.MessageId, where, Math.Round(score, 2)));
            }
        }
        return found.OrderByDescending(a => a.Score).ToList();
    }

    private static double BestParagraphMatch(MailView patch, string quoted) =>
        RationaleText.Paragraphs(patch).Select(p => Words.Containment(quoted, p)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// A reply to the act's message that answers it: from the author for anything; for a question or an objection, from
    /// anyone else too — co-designers and maintainers answer those as often as the author does.
    /// </summary>
    private static MailView? Answer(MailIndex index, ExtractedAct act, Lineage lineage) =>
        index.ChildrenOf(act.Reply)
            .Where(c => c.Mail.FromAddress == lineage.AuthorAddress || c.Mail.FromAddress == act.Version.AuthorAddress
                || (act.Act.Type is ActType.Question or ActType.Objection && c.Mail.FromAddress != act.Reply.Mail.FromAddress))
            .OrderBy(c => c.Date).FirstOrDefault();

    private static List<string> QuotedCode(string quoted) => quoted.Split('\n')
        .Where(l => l.StartsWith('+') && !l.StartsWith("+++"))
        .Select(l => Normalize(l[1..])).Where(l => l.Length > 3).ToList();

    private static string Normalize(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
