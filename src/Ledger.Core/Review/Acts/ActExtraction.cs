using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Core.Review.Acts;

/// <summary>Finds the review acts in every reply of a lineage: what the sender wrote, read against the quote just above it.</summary>
public static class ActExtraction
{
    public static List<ExtractedAct> Extract(MailIndex index, Lineage lineage, IReadOnlyList<MailView> replies)
    {
        var versionOf = lineage.Versions.SelectMany(v => v.Postings.Select(p => (p.Key, v))).ToDictionary(x => x.Key, x => x.v);
        var acts = new List<ExtractedAct>();
        foreach (var reply in replies.OrderBy(r => r.Date))
        {
            var posting = index.PostingOf(reply);
            if (posting is null || !versionOf.TryGetValue(posting.Key, out var version)) continue;
            var context = Context(index, reply, posting, version.AuthorAddress);
            var n = 0;
            foreach (var (segment, act) in ActsOf(index, reply, context, version.AuthorAddress))
                acts.Add(new ExtractedAct($"{reply.Mail.MessageId}#{++n}", reply, posting, version, index.ParentOf(reply), segment, act));
        }
        return acts;
    }

    /// <summary>
    /// The acts of one reply: each segment classified on its own (<see cref="ActRules.Classify"/>), then read again from how it
    /// was answered. A reviewer's point that the patch author concedes ("Oh, whoops.", "Good catch") was an objection even
    /// without a cue word; an author's answer to a reviewer's request or concern that the reviewer then concedes ("Fair enough",
    /// "It's fine as it is") was pushback; so was any answer to a reviewer's request or concern that the same reviewer disputes
    /// in turn. Reads only the direct answers, which are in the same lineage, so the lineage digest covers them.
    /// </summary>
    public static IEnumerable<(ReplySegment Segment, DetectedAct Act)> ActsOf(MailIndex index, MailView reply, ActContext context, string authorAddress)
    {
        var segments = reply.Reply.Segments;
        // A human answering a report quotes it: the report's words must be the sender's own.
        if (AutomatedReports.IsReport(string.Join("\n", segments.Select(s => s.Text))))
        {
            yield return (segments.Count > 0 ? segments[0] : new ReplySegment("", reply.Mail.Body, 0),
                new DetectedAct(ActType.Objection, AutomatedReports.Finding(reply.Mail.Body), null, 0.9, "objection.automated-report"));
            yield break;
        }
        // Most replies are never answered: nothing to read back.
        if (index.ChildrenOf(reply).Count == 0)
        {
            foreach (var segment in segments)
                foreach (var act in ActRules.Classify(segment, context)) yield return (segment, act);
            yield break;
        }
        var acts = new List<DetectedAct>[segments.Count];
        for (var k = 0; k < segments.Count; k++) acts[k] = [.. ActRules.Classify(segments[k], context)];
        var quotes = new QuoteReading?[segments.Count];
        QuoteReading Quote(int k) => quotes[k] ??= Rebuttals.ReadQuote(segments[k].QuotedContext ?? "", context.QuotesPatch);
        var parent = index.ParentOf(reply);
        // In date order (then Message-ID), so that which answer is read first never depends on the order mail was imported in.
        foreach (var child in index.ChildrenOf(reply).OrderBy(c => c.Date).ThenBy(c => c.Key, StringComparer.Ordinal))
        {
            if (child.IsPosting || Same(child.Mail.FromAddress, reply.Mail.FromAddress)) continue;
            // The reviewer whose request or concern this reply answered disputes the answer in turn: the answer argued against
            // them (pushback), whoever sent it.
            if (context.Answers == Answering.Reviewer && parent is not null && Same(child.Mail.FromAddress, parent.Mail.FromAddress))
            {
                ActContext? childContext = null;
                foreach (var answer in child.Reply.Segments)
                {
                    var k = Answered(segments, answer.QuotedContext);
                    if (k < 0 || Rebuttals.Concedes(segments[k].Text) || Rebuttals.AdmitsError(segments[k].Text)) continue;
                    if (acts[k].Any(a => a.Type is ActType.Acceptance or ActType.Pushback or ActType.Objection or ActType.Question)) continue;
                    var quote = Quote(k);
                    if (!quote.Proposes && !quote.Objects) continue;
                    // Disputed: the answer opens with a denial, or keeps objecting ("But that's still racy", "I don't think so").
                    if (!Rebuttals.DisputesAnswer(answer.Text))
                    {
                        childContext ??= new ActContext(false, context.QuotesPatch, context.SenderIsPatchAuthor ? Answering.Author : Answering.Reviewer);
                        if (!ActRules.Classify(answer, childContext).Any(a => a.Type is ActType.Objection or ActType.Pushback)) continue;
                    }
                    acts[k].Add(new DetectedAct(ActType.Pushback, Rebuttals.Opening(segments[k].Text, 1), null, 0.4, "pushback.disputed"));
                }
            }
            var fromAuthor = Same(child.Mail.FromAddress, authorAddress);
            // Only the patch author concedes a reviewer's point; only a reviewer concedes the author's defence.
            if (fromAuthor == context.SenderIsPatchAuthor) continue;
            foreach (var answer in child.Reply.Segments)
            {
                var k = Answered(segments, answer.QuotedContext);
                if (k < 0) continue;
                if (!context.SenderIsPatchAuthor)
                {
                    if (acts[k].Any(a => a.Type is ActType.Objection or ActType.Suggestion or ActType.Rewording or ActType.Nit)) continue;
                    if (Rebuttals.AdmitsError(answer.Text))
                        acts[k].Add(new DetectedAct(ActType.Objection, Rebuttals.Opening(segments[k].Text, 1), null, 0.45, "objection.conceded"));
                    // A point with no act of its own that the author promises to act on ("Sure, will fix.", "Will do.") asked for a
                    // change: a suggestion.
                    else if (acts[k].Count == 0 && Rebuttals.PromisesChange(answer.Text))
                        acts[k].Add(new DetectedAct(ActType.Suggestion, Rebuttals.Opening(segments[k].Text, 1), null, 0.4, "suggestion.taken-up"));
                }
                else
                {
                    if (context.Answers != Answering.Reviewer) continue;
                    if (acts[k].Any(a => a.Type is ActType.Acceptance or ActType.Pushback or ActType.Question)) continue;
                    if (!Rebuttals.AcceptsAnswer(answer.Text)) continue;
                    var quote = Quote(k);
                    if (!quote.Proposes && !quote.Objects) continue;
                    acts[k].Add(new DetectedAct(ActType.Pushback, Rebuttals.Opening(segments[k].Text, 1), null, 0.45, "pushback.conceded-to"));
                }
            }
        }
        for (var k = 0; k < segments.Count; k++)
            foreach (var act in acts[k]) yield return (segments[k], act);
    }

    /// <summary>Which segment of the answered mail an answer quotes: the last one holding the last line of its quote.</summary>
    private static int Answered(IReadOnlyList<ReplySegment> segments, string? quoted)
    {
        // The last non-empty line, found from the end without splitting the quote (every answered reply passes here).
        var q = (quoted ?? "").AsSpan().TrimEnd();
        var start = q.LastIndexOf('\n') + 1;
        var last = q[start..].Trim();
        if (last.Length < 8) return -1;
        for (var k = segments.Count - 1; k >= 0; k--)
            if (segments[k].Text.AsSpan().Contains(last, StringComparison.Ordinal)) return k;
        return -1;
    }

    /// <summary>Who speaks to whom: the patch author answering review, or anyone answering a reviewer's mail.</summary>
    public static ActContext Context(MailIndex index, MailView reply, MailView posting, string authorAddress)
    {
        var sender = reply.Mail.FromAddress;
        var parent = index.ParentOf(reply);
        var answers = parent is null || parent.IsPosting || Same(parent.Mail.FromAddress, sender) ? Answering.Posting
            : Same(parent.Mail.FromAddress, authorAddress) ? Answering.Author : Answering.Reviewer;
        return new ActContext(Same(sender, authorAddress), QuotesPatch: !posting.IsCover, answers);
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Replies belong to a lineage when their nearest posting ancestor is one of its postings.</summary>
    public static List<MailView> RepliesOf(MailIndex index, Lineage lineage)
    {
        var postings = lineage.Versions.SelectMany(v => v.Postings).Select(p => p.Key).ToHashSet();
        var replies = new List<MailView>();
        var queue = new Queue<MailView>(lineage.Versions.SelectMany(v => v.Postings));
        var seen = new HashSet<string>();
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var child in index.ChildrenOf(current).Concat(index.OrphansOf(current)))
            {
                if (!seen.Add(child.Key) || postings.Contains(child.Key)) continue;
                if (child.IsPosting) continue;
                replies.Add(child);
                queue.Enqueue(child);
            }
        }
        return replies;
    }
}
