using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

public enum ActType { Objection, Question, Suggestion, Rewording, Nit, Praise, Acceptance, Pushback, Applied, Direction }

/// <summary>A review act found in what the sender wrote. Rule names the rule that fired, for audit and tuning.</summary>
public sealed record DetectedAct(ActType Type, string Text, string? ProposedText, double Confidence, string Rule);

/// <summary>Whose mail a reply answers: the posting itself, the patch author's reply, or another reviewer's reply.</summary>
public enum Answering { Posting, Author, Reviewer }

/// <summary>
/// SenderIsPatchAuthor: the author answering review. QuotesPatch: the reply is in a patch's thread (not a cover letter's).
/// Answers: whose mail the reply answers (a reply to one's own mail counts as answering the posting).
/// </summary>
public sealed record ActContext(bool SenderIsPatchAuthor, bool QuotesPatch, Answering Answers = Answering.Posting);

/// <summary>Rule-based classification of one reply segment into review acts. Bump Version when rules change.</summary>
public static partial class ActRules
{
    public const string Version = "9";

    // Tag questions and one-word echoes that are not real questions.
    [GeneratedRegex(@"^(?:no|right|ok|okay|eh|huh|hmm+|yes|correct|really|isn't\s+it|no\s+\?)\s*\?+$", RegexOptions.IgnoreCase)]
    private static partial Regex TagQuestion();

    // Greetings and sign-offs carry no act.
    [GeneratedRegex(@"^(?:hi|hello|hey|dear)\b.{0,40}[,!]?$|^(?:thanks|thank\s+you|cheers|regards|best|br)[,!.]?(?:\s+\w+)?[,!.]?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pleasantry();

    // Inline diffs and code a replier pastes carry no prose acts ("return 1;" is not an imperative).
    [GeneratedRegex(@"^(?:diff --git |index [0-9a-f]+\.\.|--- |\+\+\+ |@@ |[+\-](?!\s*$)|\s*[{}]\s*$)|[;{]\s*$|^\s*#\s*(?:define|include|if)")]
    private static partial Regex CodeOrDiff();

    [GeneratedRegex(@"^(?:\w+\s+)?(?:nit(?:pick)?s?|typo)\s*[:,\-]", RegexOptions.IgnoreCase)]
    private static partial Regex NitPrefix();

    // A question that asks for a change is a suggestion ("Would it be better to ...?", "Can you respin this?"). "Wouldn't it be
    // easier to ...?" asks for a change wherever it stands ("You've probably thought it through, but wouldn't it be ...?").
    [GeneratedRegex(@"(?:^(?:\w+,\s+)?|\b(?:but|and|so|or)\s+)(?:would|wouldn't|might)\s+it\s+(?:not\s+)?be\s+(?:\w+\s+)?(?:better|nicer|cleaner|simpler|easier|clearer|preferable|helpful|useful|worth)\b|^(?:\w+,\s+)?(?:can|could|would)\s+(?:you|we)\s+(?:please\s+)?(?:try\s+to\s+)?(?:also\s+|just\s+)?(?:add|respin|resend|rename|move|drop|remove|split|make|use|update|change|document|fix|post|send|reword|rephrase|mention|describe|explain\s+in|fold|squash|include|consider|clarify|call|name|keep|reuse|simplify|convert|factor|replace|turn|avoid)\b|^(?:maybe|perhaps)\s+(?:we|you|it\s+would|it'd|just|use|add|rename|move|drop|make|split|better)\b|^(?:but\s+|so\s+)?(?:is\s+there\s+)?any\s+(?:good\s+|particular\s+)?reason\s+(?:not\s+)?to\s+[^?]{3,120}\b(?:instead\s+of|rather\s+than)\b|^(?:but\s+|so\s+|and\s+)?(?:is\s+it|would\s+it\s+be|isn't\s+it)\s+(?:\w+\s+)?worth\s+\w+ing\b|^(?:\w+,\s+)?(?:should|shall)\s+we\s+(?:not\s+|also\s+|just\s+|instead\s+)?(?:teach|add|use|move|drop|remove|rename|make|split|document|handle|check|keep|switch|convert|introduce|expose|extend|reuse)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RequestQuestion();

    // "pgprot_writecombine() ?", "s2_pte_cacheable?": a lone identifier or call with a question mark.
    [GeneratedRegex(@"^[\w.>\-]*(?:_\w*|\(\))\s*\?+$")]
    private static partial Regex BareIdentifierQuestion();

    // The sentence after a question answers it: "No.", "Yes, ...", "Of course not", or admits the sender is thinking aloud:
    // "I'm not sure.", "I don't know."
    [GeneratedRegex(@"^(?:no|nope|yes|yep|of\s+course|obviously|certainly\s+not|not\s+really)\b|^(?:I'm|I\s+am)\s+not\s+sure\s*[.!]*$|^I\s+(?:don't|do\s+not)\s+know\s*[.!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SelfAnswer();

    // A yes/no question about what may or should be done: "Can it be generalised?", "Should we allow this?"
    [GeneratedRegex(@"^(?:but\s+|and\s+|so\s+)?(?:can|could|should|shall|may|must|do|does|is|are|will|would)\s+(?:it|this|that|we|you|they|userspace|the\s+\w+|\w+)\s+(?:\w+\s+){0,2}?(?:be\s+)?\w+", RegexOptions.IgnoreCase)]
    private static partial Regex ClosedQuestion();

    // The sender's own answer is a bare no: "No.", "No, it can't.", "Of course not."
    [GeneratedRegex(@"^(?:no|nope|of\s+course\s+not|certainly\s+not|absolutely\s+not|definitely\s+not)\s*(?:[.!]|,\s)", RegexOptions.IgnoreCase)]
    private static partial Regex SelfAnswerNo();

    // Openers that challenge rather than ask: "Who says ...?", "Who cares?", "What is the point?", "But what makes it safe ...?".
    [GeneratedRegex(@"^(?:but\s+|and\s+|so\s+)?(?:who\s+(?:says|said|cares)|what(?:'s|\s+is|\s+would\s+be)\s+the\s+point|what\s+makes\s+(?:it|this|that|you)\s+(?:\w+\s+)?(?:safe|correct|ok|okay|right|necessary|acceptable|think))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RhetoricalQuestion();

    /// <summary>Sentences of a paragraph: a break follows '.', '!' or '?' (and closing quotes) outside parentheses.</summary>
    public static IEnumerable<string> Sentences(string paragraph)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var c = paragraph[i];
            if (c == '(' && paragraph.IndexOf(')', i) > i) depth++;
            else if (c == ')' && depth > 0) depth--;
            if (depth > 0 || c is not ('.' or '!' or '?')) continue;
            var j = i + 1;
            while (j < paragraph.Length && paragraph[j] is '"' or '\'' or ')' or ']') j++;
            if (j >= paragraph.Length || !char.IsWhiteSpace(paragraph[j])) continue;
            yield return paragraph[start..j];
            start = j;
            i = j - 1;
        }
        if (start < paragraph.Length) yield return paragraph[start..];
    }

    public static IReadOnlyList<DetectedAct> Classify(ReplySegment segment, ActContext context)
    {
        var text = segment.Text ?? "";
        var quotesCode = QuotesCode(segment.QuotedContext ?? "");
        var acts = new List<DetectedAct>();

        if (AppliedNotices.IsApplied(text))
        {
            var applied = AppliedNotices.Find(text);
            var b4 = applied.Any(a => a.Sha is not null);
            acts.Add(new DetectedAct(ActType.Applied, FirstLine(text), null, b4 ? 0.98 : 0.9, b4 ? "applied.b4-ty" : "applied.thanks"));
        }

        var proposals = Rewordings.Find(text);
        foreach (var p in proposals)
        {
            // "s/VM_FOO/VM_BAR/" in the author's own mail describes what the new version changed; it proposes nothing.
            // Nor does any text the author shows in answer to review ("Got it. Replacing:", "I will have something like below in
            // the next revision:", a diff of the next version): the author reports the next version, the reviewer proposes.
            if (context.SenderIsPatchAuthor || p.Rule == Rewordings.PasteContinuation) continue;
            var type = p.IsCode ? ActType.Suggestion : ActType.Rewording;
            acts.Add(new DetectedAct(type, p.Text.Length > 0 ? p.Text : p.Proposed, p.Proposed, p.Confidence, p.Rule));
            // A spelling fix ("s/uncertainity/uncertainty/", "*corner cases") is a nit as well as a rewording.
            if (!context.SenderIsPatchAuthor && Rewordings.IsTypoFix(p))
                acts.Add(new DetectedAct(ActType.Nit, p.Text, p.Proposed, 0.8, "nit.typo-fix"));
        }

        // Proposed wording and trailers are not the sender's own claims: keep them out of phrase matching.
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var skip = new bool[lines.Length];
        foreach (var p in proposals)
            for (var k = Math.Max(0, p.FirstLine); k <= p.LastLine && k < lines.Length; k++) skip[k] = true;
        for (var k = 0; k < lines.Length; k++)
            if (Trailers.TryParseLine(lines[k], out _, out _) || CodeOrDiff().IsMatch(lines[k]) || Rewordings.IsLogLine(lines[k])) skip[k] = true;
        // The line introducing a proposal ("maybe something like:") is part of the proposal, not an imperative of its own;
        // a "nit:" on a skipped proposal line still flags the nit.
        foreach (var p in proposals.Where(p => !p.IsCode))
            for (var k = Math.Max(0, p.FirstLine) - 1; k >= 0; k--)
            {
                if (lines[k].Trim().Length == 0) continue;
                if (lines[k].Trim() == p.Text.Trim() && lines[k].TrimEnd().EndsWith(':')) skip[k] = true;
                break;
            }
        for (var k = 0; k < lines.Length; k++)
            if (skip[k] && !context.SenderIsPatchAuthor && NitPrefix().IsMatch(lines[k].Trim()))
                acts.Add(new DetectedAct(ActType.Nit, lines[k].Trim(), null, 0.85, "nit.prefix"));

        // Answering another reviewer's request or concern: disagreement there is pushback, whoever sends it.
        var quote = context.Answers == Answering.Reviewer ? Rebuttals.ReadQuote(segment.QuotedContext ?? "", context.QuotesPatch) : default;
        var answersReview = quote.Proposes || quote.Objects;
        // "That's a fair point. However, ...": granting a point only to answer it keeps one's own position.
        var answersPoint = context.SenderIsPatchAuthor ? context.Answers == Answering.Reviewer && !quote.OnlyAsks : answersReview;
        string? denial = null, granted = null;
        var denialRule = "";
        foreach (var paragraph in Paragraphs(lines, skip))
        {
            var first = true;
            var sentences = Sentences(paragraph).Select(x => x.Trim()).ToList();
            for (var k = 0; k < sentences.Count; k++)
            {
                var sentence = sentences[k];
                if (sentence.Length == 0 || Pleasantry().IsMatch(sentence)) { first = false; continue; }
                Match(sentence, first, k + 1 < sentences.Count ? sentences[k + 1] : "", context, quotesCode, quote, acts);
                if (answersReview && denial is null && Rebuttals.Disagrees(sentence)) (denial, denialRule) = (sentence, "pushback.answers-review");
                if (answersReview && denial is null && Rebuttals.DeniesConcern(sentence)) (denial, denialRule) = (sentence, "pushback.denies-concern");
                if (answersPoint && granted is null && Rebuttals.GrantsThenContrasts(sentence, k + 1 < sentences.Count ? sentences[k + 1] : "")) granted = sentence;
                first = false;
            }
        }
        if (granted is not null && !acts.Any(a => a.Type == ActType.Pushback))
        {
            // The grant is no acceptance: it is the "yes" of "yes, but".
            acts.RemoveAll(a => a.Type == ActType.Acceptance && a.Text == granted);
            acts.Add(new DetectedAct(ActType.Pushback, granted, null, 0.5, "pushback.yes-but"));
        }
        if (denial is not null && !Rebuttals.Concedes(text) && !acts.Any(a => a.Type is ActType.Acceptance or ActType.Pushback))
            acts.Add(new DetectedAct(ActType.Pushback, denial, null, 0.5, denialRule));
        return Dedupe(acts);
    }

    private static void Match(string sentence, bool paragraphStart, string next, ActContext context, bool quotesCode, QuoteReading quote, List<DetectedAct> acts)
    {
        var request = RequestQuestion().IsMatch(sentence);
        if (IsQuestion(sentence, out var weak))
        {
            if (request && !context.SenderIsPatchAuthor)
                acts.Add(new DetectedAct(ActType.Suggestion, sentence, null, 0.65, "suggestion.request-question"));
            // "foo_bar() ?" under quoted code names an alternative rather than asking anything.
            else if (BareIdentifierQuestion().IsMatch(sentence))
            {
                if (!context.SenderIsPatchAuthor) acts.Add(new DetectedAct(ActType.Suggestion, sentence, null, 0.5, "suggestion.bare-identifier"));
            }
            // A question the sender answers at once ("Can it be generalised? No.") or a rhetorical opener ("Who says ...?")
            // argues rather than asks.
            else if (!SelfAnswer().IsMatch(next) && !RhetoricalQuestion().IsMatch(sentence))
                acts.Add(new DetectedAct(ActType.Question, sentence, null, weak ? 0.5 : 0.8, "question.mark"));
            // A reviewer's yes/no question about what may be done, answered "No." at once ("Can it be generalised? No."), rules it out.
            else if (!context.SenderIsPatchAuthor && ClosedQuestion().IsMatch(sentence) && SelfAnswerNo().IsMatch(next))
                acts.Add(new DetectedAct(ActType.Direction, sentence + " " + next, null, 0.5, "direction.self-answer-no"));
        }
        // A sentence flagged as a nit is a nit, not also a suggestion ("Nitpick: no need for brackets").
        var nit = !context.SenderIsPatchAuthor && ActPatterns.NitSentence.IsMatch(sentence);

        foreach (var rule in ActPatterns.Rules)
        {
            if (nit && rule.Type == ActType.Suggestion) continue;
            if (rule.Who == Speaker.Reviewer && context.SenderIsPatchAuthor) continue;
            if (rule.Who == Speaker.Author && !context.SenderIsPatchAuthor) continue;
            if (rule.ParagraphStart && !paragraphStart) continue;
            var m = rule.Pattern.Match(sentence);
            if (!m.Success) continue;
            if (rule.CheckNegation && ActPatterns.Negation.IsMatch(sentence[..m.Index])) continue;
            if (rule.Skip is { } skipIf && skipIf.IsMatch(sentence)) continue;
            // "Yes, small values result in large drifts" answers a reviewer's question; it takes up no request.
            if (rule.Name == "acceptance.short" && quote.OnlyAsks) continue;
            // A reviewer's "makes sense to me" about the posting itself approves it (said to an answer, it only agrees).
            if (rule.Name == "praise.makes-sense" && context.Answers != Answering.Posting) continue;
            // Judgements inside a condition ("if the id is not correct", "If you stare at it long enough, it looks fine")
            // are hypotheses, not the sender's verdict.
            if (rule.Type is ActType.Objection or ActType.Praise && ActPatterns.Conditional.IsMatch(sentence[..m.Index])) continue;
            if (rule.Type == ActType.Praise && ActPatterns.ConditionalOpening.IsMatch(sentence)) continue;

            var type = rule.Type;
            var confidence = rule.Confidence;
            if (context.SenderIsPatchAuthor && rule.AuthorType is { } at)
            {
                type = at;
                confidence = rule.AuthorConfidence ?? confidence;
                // "Yep, this is plain wrong.", "That makes sense, ... this approach is not the right one": the author concedes.
                if (type == ActType.Pushback && rule.Type == ActType.Objection && Rebuttals.Concedes(sentence)) (type, confidence) = (ActType.Acceptance, 0.6);
            }
            // A reviewer disagreeing in a patch's thread objects to the patch; disagreeing in a cover letter's discussion pushes back.
            // A rebuttal ("Not quite", "no other choice") pushes back unless it answers quoted code.
            var onPatch = context.QuotesPatch;
            if (type == ActType.Pushback && !context.SenderIsPatchAuthor && ((onPatch && rule.Name == "pushback.disagree") || (quotesCode && rule.Name == "pushback.rebuttal")))
                type = ActType.Objection;
            else if (type == ActType.Objection && !context.SenderIsPatchAuthor && !onPatch && rule.Name == "objection.dont-think")
                (type, confidence) = (ActType.Pushback, 0.45);
            // A concern about another reviewer's proposal ("It is very hacky", "I don't think that's feasible") disputes the
            // proposal, not the patch. (Added to another reviewer's concern, it stays an objection: reviewers concur.)
            else if (type == ActType.Objection && quote.OnlyProposes && rule.Name != "objection.nak")
                (type, confidence) = (ActType.Pushback, 0.5);
            acts.Add(new DetectedAct(type, sentence, null, confidence, rule.Name));
        }
    }

    /// <summary>The quote answered is code (diff or C lines) rather than prose.</summary>
    private static bool QuotesCode(string quoted)
    {
        var lines = quoted.Split('\n').Where(l => l.Trim().Length > 0).ToList();
        return lines.Count > 0 && lines.Count(l => CodeOrDiff().IsMatch(l)) * 3 >= lines.Count;
    }

    private static bool IsQuestion(string sentence, out bool weak)
    {
        weak = false;
        // "(fixing?)" asides are not questions to the author; quoted endings are.
        var s = sentence.TrimEnd('"', '\'', ' ');
        if (!s.EndsWith('?')) return false;
        if (TagQuestion().IsMatch(s)) return false;
        var words = s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        weak = words <= 2;
        // "instead?" after a pasted line of code ends a sentence the code interrupted; it asks nothing of its own.
        if (words == 1 && char.IsLower(s[0]) && s.TrimEnd('?').All(char.IsLetter)) return false;
        return true;
    }

    // Paragraphs of unskipped lines, each joined into one line so sentences can span wraps.
    private static IEnumerable<string> Paragraphs(string[] lines, bool[] skip)
    {
        var current = new List<string>();
        for (var k = 0; k <= lines.Length; k++)
        {
            var end = k == lines.Length || skip[k] || lines[k].Trim().Length == 0;
            if (!end) { current.Add(lines[k].Trim()); continue; }
            if (current.Count > 0) yield return string.Join(' ', current);
            current.Clear();
        }
    }

    private static List<DetectedAct> Dedupe(List<DetectedAct> acts) =>
        acts.GroupBy(a => (a.Type, a.Text, a.ProposedText))
            .Select(g => g.OrderByDescending(a => a.Confidence).First())
            .ToList();

    private static string FirstLine(string text)
    {
        foreach (var l in text.Split('\n'))
            if (AppliedNotices.IsApplied(l)) return l.Trim();
        return text.Trim().Split('\n')[0].Trim();
    }
}
