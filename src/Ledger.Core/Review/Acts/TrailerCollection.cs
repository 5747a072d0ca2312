using System.Text.RegularExpressions;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Core.Review.Acts;

public sealed record CollectedTrailer(SeriesVersion Version, MailView Patch, Trailer Trailer, MailView GivenIn, bool Conditional, bool Withdrawn, bool SenderMismatch, bool Carried, string Rule);

/// <summary>
/// Trailers given in replies, attributed as b4 does: to the patch replied to, or to every patch when given on the cover
/// letter. Conditional ones ("with that fixed") and withdrawn ones are kept and flagged, as are those not matching their sender.
/// </summary>
public static partial class TrailerCollection
{
    private static readonly HashSet<string> Given = new(StringComparer.OrdinalIgnoreCase)
        { "Reviewed-by", "Acked-by", "Tested-by", "Suggested-by", "Reported-by", "Nacked-by" };

    // "With that fixed", "With Marc's comment fixed", "If Jia is happy with it, please feel free to add".
    [GeneratedRegex(@"\b(with (that|this|these|those|the above|(the |\w+'s )(\w+ )?(nits?|comments?|issues?|changes?|typos?|suggestions?|remarks?))( \w+)? (fixed|addressed|changed|done|sorted|resolved|fixed up|applied|taken into account)|if you (fix|address|change|drop)|if (\w+ ){1,2}(is|are) (happy|ok|okay|fine) with (it|that|this|the change)|assuming|provided that|once (that|this|these) (is|are))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();

    [GeneratedRegex(@"\b(withdraw(ing)?|retract(ing)?|take back|drop) (my|the)\b|\bplease (drop|ignore) my\b", RegexOptions.IgnoreCase)]
    private static partial Regex Withdrawal();

    public static List<CollectedTrailer> Collect(MailIndex index, Lineage lineage, IReadOnlyList<MailView> replies)
    {
        var versionOf = lineage.Versions.SelectMany(v => v.Postings.Select(p => (p.Key, v))).ToDictionary(x => x.Key, x => x.v);
        var found = new List<CollectedTrailer>();
        var withdrawals = replies.Where(r => r.Reply.Segments.Any(s => Withdrawal().IsMatch(s.Text))).ToList();
        foreach (var reply in replies.OrderBy(r => r.Date))
        {
            var posting = index.PostingOf(reply);
            if (posting is null || !versionOf.TryGetValue(posting.Key, out var version)) continue;
            foreach (var segment in reply.Reply.Segments)
                foreach (var trailer in Trailers.Find(segment.Text).Where(t => Given.Contains(t.Name)))
                {
                    if (Withdrawal().IsMatch(segment.Text)) continue; // "I'm withdrawing my Acked-by: X" names a trailer, it does not give one
                    // A patch pasted whole into the reply ("From <sha> Mon Sep 17 ...", "Subject: [PATCH] ...") carries its own trailers.
                    if (InlinePatch().IsMatch(TextBefore(segment.Text, trailer, 4000))) continue;
                    var conditional = Condition().IsMatch(TextBefore(segment.Text, trailer));
                    var withdrawn = withdrawals.Any(w => w.Date >= reply.Date && w != reply && w.Mail.FromAddress == reply.Mail.FromAddress
                        && w.Reply.Segments.Any(s => Withdrawal().IsMatch(s.Text) && MentionsKind(s.Text, trailer.Name)) && SameThreadFamily(index, w, version));
                    var mismatch = !Matches(trailer, reply);
                    var targets = posting.IsCover ? version.Patches : [posting];
                    foreach (var patch in targets)
                    {
                        var carried = lineage.Next(version)?.Counterpart(patch)?.Patch.Trailers
                            .Any(t => t.Name == trailer.Name && string.Equals(t.Address, trailer.Address, StringComparison.OrdinalIgnoreCase)) ?? false;
                        found.Add(new CollectedTrailer(version, patch, trailer, reply, conditional, withdrawn, mismatch, carried,
                            posting.IsCover ? "trailer.cover-applies-to-all" : "trailer.reply-to-patch"));
                    }
                }
        }
        return found;
    }

    /// <summary>Withdrawal statements, whichever trailer they take back: also one the patch itself carries from an earlier version.</summary>
    public static IEnumerable<TrailerWithdrawn> Withdrawals(MailIndex index, Lineage lineage, IReadOnlyList<MailView> replies)
    {
        foreach (var reply in replies.OrderBy(r => r.Date))
        {
            var segment = reply.Reply.Segments.FirstOrDefault(s => Withdrawal().IsMatch(s.Text));
            if (segment is null || index.PostingOf(reply) is not { } posting) continue;
            var version = lineage.Versions.FirstOrDefault(v => v.Postings.Any(p => p.Key == posting.Key));
            if (version is null) continue;
            var name = Given.FirstOrDefault(n => segment.Text.Contains(n.Split('-')[0], StringComparison.OrdinalIgnoreCase)) ?? "Acked-by";
            yield return new TrailerWithdrawn(lineage.Id, version.Version, name, reply.Person, reply.Mail.FromAddress, reply.Mail.MessageId, reply.Date,
                    Provenance.Of("trailer.withdrawn", 0.8));
        }
    }

    private static bool SameThreadFamily(MailIndex index, MailView w, SeriesVersion version) =>
        index.PostingOf(w) is { } p && (version.Postings.Any(x => x.Key == p.Key) || p.Mail.FromAddress == version.AuthorAddress);

    private static bool MentionsKind(string text, string name) =>
        text.Contains(name.Split('-')[0], StringComparison.OrdinalIgnoreCase) || text.Contains("tag", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(?:From [0-9a-f]{40} |Subject: \[PATCH)", RegexOptions.Multiline)]
    private static partial Regex InlinePatch();

    private static string TextBefore(string text, Trailer trailer, int limit = 300)
    {
        var at = text.IndexOf(trailer.Name, StringComparison.OrdinalIgnoreCase);
        var before = at > 0 ? text[..at] : "";
        return before.Length > limit ? before[^limit..] : before;
    }

    /// <summary>b4 checks that a trailer names its sender: same address, or the same name when the address differs.</summary>
    private static bool Matches(Trailer trailer, MailView reply) =>
        string.Equals(trailer.Address, reply.Mail.FromAddress, StringComparison.OrdinalIgnoreCase)
        || (trailer.PersonName is { Length: > 0 } n && string.Equals(n.Trim(), reply.Mail.FromName, StringComparison.OrdinalIgnoreCase));
}
