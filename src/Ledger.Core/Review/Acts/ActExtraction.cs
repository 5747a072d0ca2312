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
            foreach (var segment in reply.Reply.Segments)
                foreach (var act in ActRules.Classify(segment, context))
                    acts.Add(new ExtractedAct($"{reply.Mail.MessageId}#{++n}", reply, posting, version, index.ParentOf(reply), segment, act));
        }
        return acts;
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
