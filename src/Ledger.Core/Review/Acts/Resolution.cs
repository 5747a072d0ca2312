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
public static partial class Resolution
{
    public const double AdoptedThreshold = 0.6;
    private static readonly HashSet<ActType> Resolvable = [ActType.Objection, ActType.Question, ActType.Suggestion, ActType.Rewording, ActType.Nit];

    public static bool NeedsResolution(ActType type) => Resolvable.Contains(type);

    /// <summary>A finding for each act that needs one (null for the others), in the order of the acts.</summary>
    public static List<ResolutionFinding?> ResolveAll(MailIndex index, Lineage lineage, IReadOnlyList<ExtractedAct> acts)
    {
        var texts = new PostingTexts();
        return acts.Select(a => NeedsResolution(a.Act.Type) ? Resolve(index, lineage, a, texts) : null).ToList();
    }

    private static ResolutionFinding Resolve(MailIndex index, Lineage lineage, ExtractedAct act, PostingTexts texts)
    {
        var next = lineage.Next(act.Version);
        if (next is not null && act.Act.ProposedText is { Length: > 0 } text)
        {
            var proposed = Words.Set(text);
            var (patch, score) = BestAdoption(next, proposed, texts);
            if (patch is not null && score >= AdoptedThreshold)
                return new("addressed", patch.Mail.MessageId, Math.Round(score, 2), $"{score:P0} of the proposed words appear in {patch.Subject.Title}", "resolution.text-adopted")
                { AdoptedIn = Adoptions(next, proposed, texts) };
        }
        // A diff proposed inline ("How about something like this?") that a patch of the next version makes is adopted there,
        // whichever patch it landed in (often a new one).
        if (next is not null && act.Act.Type is ActType.Suggestion && DiffAdoption(next, act.Segment.Text, texts) is ({ } inPatch, var share))
            return new("addressed", inPatch.Mail.MessageId, Math.Round(share, 2), $"{share:P0} of the proposed diff's added lines are in {inPatch.Subject.Title}", "resolution.diff-adopted");
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
                var gone = quoted.Count(q => !candidates.Any(c => texts.AddedLines(c).Contains(q))) / (double)quoted.Count;
                if (gone >= 0.5)
                    return new("addressed", (counterpart ?? next.First).Mail.MessageId, Math.Round(gone, 2), $"{gone:P0} of the quoted lines changed in v{next.Version}", "resolution.region-changed");
                // Reviewers comment right under the line they mean: that line gone is the point taken.
                if (counterpart is not null && !texts.AddedLines(counterpart).Contains(quoted[^1]))
                    return new("addressed", counterpart.Mail.MessageId, 1.0, $"the line above the comment changed in v{next.Version}", "resolution.commented-line-changed");
                // The quoted lines stayed, but the hunk they sit in changed around them: a leak fixed, a check added.
                if (counterpart is not null && HunkChange(texts, act.Posting, counterpart, quoted) is var changed and >= HunkChangedThreshold)
                    return new("addressed", counterpart.Mail.MessageId, Math.Round(changed, 2), $"the hunk around the quoted lines changed in v{next.Version} ({changed:P0} of its added lines)", "resolution.hunk-changed");
            }
            // A reported diagnostic ("arch/arm64/kvm/mmu.c:650:36: warning: ...", a build robot's finding) names its file:
            // the next version changing what the patch adds to that file is the report acted on.
            if (counterpart is not null && quoted.Count == 0 && (DiagnosticFile(act.Act.Text) ?? DiagnosticFile(act.Segment.Text)) is { } file
                && FileChange(texts, act.Posting, counterpart, file) is var fileChanged and >= HunkChangedThreshold)
                return new("addressed", counterpart.Mail.MessageId, Math.Round(fileChanged, 2), $"{file} changed in v{next.Version} ({fileChanged:P0} of its added lines)", "resolution.reported-file-changed");
            if (candidates.Count > 0 && quoted.Count == 0 && act.Segment.QuotedContext.Length > 40)
            {
                var context = Words.Set(act.Segment.QuotedContext);
                var best = candidates.Select(c => (Patch: c, Score: BestParagraphMatch(texts.Paragraphs(c), context))).MaxBy(x => x.Score);
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

    /// <summary>The patch of the next version carrying most of the added lines of a diff in the reviewer's own words (at least 80%).</summary>
    private static (MailView? Patch, double Share) DiffAdoption(SeriesVersion next, string ownText, PostingTexts texts)
    {
        if (!ownText.Contains("\n+", StringComparison.Ordinal)) return default; // no added lines: most replies stop here
        var added = PatchBodies.Parse(ownText).Files.SelectMany(f => f.Hunks).SelectMany(h => h.Added).Select(Normalize).Where(l => l.Length > 0).ToHashSet();
        if (added.Count < 2 || next.Patches.Count == 0) return default;
        var best = next.Patches.Select(p => (Patch: p, Share: added.Count(texts.AddedLines(p).Contains) / (double)added.Count)).MaxBy(x => x.Share);
        return best.Share >= 0.8 ? best : default;
    }

    /// <summary>Where the proposal landed: rewordings are often split across patches, so every patch of the next version is searched.</summary>
    private static (MailView? Patch, double Score) BestAdoption(SeriesVersion next, HashSet<string> proposed, PostingTexts texts)
    {
        MailView? best = null;
        var bestScore = 0.0;
        foreach (var patch in next.Postings)
            foreach (var paragraph in texts.Paragraphs(patch))
            {
                var score = Words.Containment(proposed, paragraph);
                if (score > bestScore) (best, bestScore) = (patch, score);
            }
        // A proposal split over several paragraphs: measure it against the whole of each patch too.
        foreach (var patch in next.Postings)
        {
            var score = Words.Containment(proposed, texts.AllParagraphs(patch));
            if (score > bestScore + 0.1) (best, bestScore) = (patch, score);
        }
        return (best, bestScore);
    }

    /// <summary>Each part of the next version that carries a good share of the proposal (a split rewording shows up in several).</summary>
    private static List<Adoption> Adoptions(SeriesVersion next, HashSet<string> proposed, PostingTexts texts, double threshold = 0.4)
    {
        var found = new List<Adoption>();
        foreach (var patch in next.Postings)
            foreach (var part in texts.Parts(patch))
            {
                var score = part.Paragraphs.Select(p => Words.Containment(proposed, p)).DefaultIfEmpty(0).Max();
                score = Math.Max(score, Words.Containment(proposed, part.All) * 0.9);
                if (score >= threshold) found.Add(new Adoption(patch.Mail.MessageId, part.Where, Math.Round(score, 2)));
            }
        return found.OrderByDescending(a => a.Score).ToList();
    }

    /// <summary>How much of a hunk must differ before the quoted region counts as changed.</summary>
    public const double HunkChangedThreshold = 0.2;

    /// <summary>
    /// The share of added lines that differ between the hunks of `before` and of `after` that carry the quoted lines
    /// (symmetric difference over union); 0 when either side has no such hunk.
    /// </summary>
    private static double HunkChange(PostingTexts texts, MailView before, MailView after, List<string> quoted)
    {
        var was = texts.HunkLines(before, quoted);
        var now = texts.HunkLines(after, quoted);
        if (was.Count == 0 || now.Count == 0) return 0;
        var union = was.Count + now.Count(l => !was.Contains(l));
        var same = now.Count(was.Contains);
        return (union - same) / (double)union;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<file>[\w./+-]+\.(?:c|h|S|rs|dts|dtsi)):\d+(?::\d+)?:")]
    private static partial System.Text.RegularExpressions.Regex Diagnostic();

    private static string? DiagnosticFile(string text) => Diagnostic().Match(text) is { Success: true } m ? m.Groups["file"].Value.TrimStart('.', '/') : null;

    /// <summary>As <see cref="HunkChange"/>, over all the lines the two postings add to one file.</summary>
    private static double FileChange(PostingTexts texts, MailView before, MailView after, string file)
    {
        var was = texts.FileLines(before, file);
        var now = texts.FileLines(after, file);
        if (was.Count == 0 && now.Count == 0) return 0;
        var union = was.Count + now.Count(l => !was.Contains(l));
        return (union - now.Count(was.Contains)) / (double)union;
    }

    private static double BestParagraphMatch(List<HashSet<string>> paragraphs, HashSet<string> quoted) =>
        paragraphs.Select(p => Words.Containment(quoted, p)).DefaultIfEmpty(0).Max();

    /// <summary>
    /// A reply to the act's message that answers it: from the author for anything; for a question or an objection, from
    /// anyone else too — co-designers and maintainers answer those as often as the author does.
    /// </summary>
    private static MailView? Answer(MailIndex index, ExtractedAct act, Lineage lineage)
    {
        // The patch author, also writing from another address under the same name; anyone else for a question or an
        // objection, and for a point the patch author raised himself.
        bool FromAuthor(MailView m) => m.Mail.FromAddress == lineage.AuthorAddress || m.Mail.FromAddress == act.Version.AuthorAddress
            || (m.Mail.FromName.Length > 0 && string.Equals(m.Mail.FromName, act.Version.First.Mail.FromName, StringComparison.OrdinalIgnoreCase));
        var anyoneAnswers = act.Act.Type is ActType.Question or ActType.Objection || FromAuthor(act.Reply);
        return index.ChildrenOf(act.Reply)
            .Where(c => c.Mail.FromAddress != act.Reply.Mail.FromAddress && (FromAuthor(c) || anyoneAnswers))
            .OrderBy(c => c.Date).FirstOrDefault()
            // The author often answers further down the same sub-thread, after the reviewer added to the point.
            ?? (FromAuthor(act.Reply) ? null : Below(index, act.Reply, depth: 3).Where(FromAuthor).OrderBy(c => c.Date).FirstOrDefault());
    }

    /// <summary>The replies under a mail, down to the given depth (its children are depth 1).</summary>
    private static IEnumerable<MailView> Below(MailIndex index, MailView mail, int depth)
    {
        if (depth == 0) yield break;
        foreach (var child in index.ChildrenOf(mail))
        {
            yield return child;
            foreach (var below in Below(index, child, depth - 1)) yield return below;
        }
    }

    /// <summary>How many quoted lines of code, counted back from the comment, are what the comment is about.</summary>
    public const int QuotedCodeLines = 6;

    /// <summary>
    /// The added lines quoted right above the comment. A reviewer who quotes a whole patch and comments halfway means the
    /// lines just above; the rest of the quote is only what they scrolled past.
    /// </summary>
    private static List<string> QuotedCode(string quoted) => quoted.Split('\n')
        .Where(l => l.StartsWith('+') && !l.StartsWith("+++"))
        .Select(l => Normalize(l[1..])).Where(l => l.Length > 3).TakeLast(QuotedCodeLines).ToList();

    private static string Normalize(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A posting's commit message or one comment its diff adds: where it is, and its words by paragraph and in all.</summary>
    private sealed record Part(string Where, List<HashSet<string>> Paragraphs, HashSet<string> All);

    /// <summary>
    /// What acts are compared with, per posting of the next version: made once per lineage, not once per act (a long
    /// review thread has dozens of acts against the same few patches).
    /// </summary>
    private sealed class PostingTexts
    {
        private readonly Dictionary<MailView, (List<HashSet<string>> Each, HashSet<string> All)> _paragraphs = [];
        private readonly Dictionary<MailView, HashSet<string>> _added = [];
        private readonly Dictionary<MailView, List<Part>> _parts = [];

        /// <summary>The words of each rationale paragraph.</summary>
        public List<HashSet<string>> Paragraphs(MailView posting) => Prose(posting).Each;

        /// <summary>The words of all rationale paragraphs together.</summary>
        public HashSet<string> AllParagraphs(MailView posting) => Prose(posting).All;

        /// <summary>The lines the posting's diff adds, whitespace normalised.</summary>
        public HashSet<string> AddedLines(MailView posting)
        {
            if (!_added.TryGetValue(posting, out var lines))
                _added[posting] = lines = posting.Patch.Files.SelectMany(f => f.Hunks).SelectMany(h => h.Added).Select(Normalize).ToHashSet();
            return lines;
        }

        /// <summary>The added lines of the posting's hunks that add any of the given lines, whitespace normalised.</summary>
        public HashSet<string> HunkLines(MailView posting, List<string> lines)
        {
            var wanted = lines.ToHashSet();
            return posting.Patch.Files.SelectMany(f => f.Hunks)
                .Select(h => h.Added.Select(Normalize).ToList())
                .Where(added => added.Any(wanted.Contains))
                .SelectMany(added => added).ToHashSet();
        }

        /// <summary>The lines the posting adds to one file, whitespace normalised.</summary>
        public HashSet<string> FileLines(MailView posting, string file) =>
            posting.Patch.Files.Where(f => f.NewPath.EndsWith(file, StringComparison.Ordinal) || f.OldPath.EndsWith(file, StringComparison.Ordinal))
                .SelectMany(f => f.Hunks).SelectMany(h => h.Added).Select(Normalize).ToHashSet();

        /// <summary>The commit message, then each added comment.</summary>
        public List<Part> Parts(MailView posting)
        {
            if (!_parts.TryGetValue(posting, out var parts))
            {
                var slot = posting.Subject.Total > 0 ? $"{posting.Subject.Index}/{posting.Subject.Total} " : "";
                _parts[posting] = parts = posting.Patch.AddedComments.Select(c => (Where: slot + "comment in " + c.Path, Text: c.Text))
                    .Prepend((Where: slot + "commit message", Text: posting.Patch.CommitMessage))
                    .Select(p => new Part(p.Where, RationaleText.Split(p.Text).Select(Words.Set).ToList(), Words.Set(p.Text))).ToList();
            }
            return parts;
        }

        private (List<HashSet<string>> Each, HashSet<string> All) Prose(MailView posting)
        {
            if (!_paragraphs.TryGetValue(posting, out var prose))
            {
                var paragraphs = RationaleText.Paragraphs(posting).ToList();
                _paragraphs[posting] = prose = (paragraphs.Select(Words.Set).ToList(), Words.Set(string.Join("\n", paragraphs)));
            }
            return prose;
        }
    }
}
