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

    /// <summary>
    /// Any "-by" trailer a reviewer gives (also Regression-tested-by, Build-tested-by, Reported-and-tested-by, ...), but not
    /// the author's own Signed-off-by and Co-developed-by, which a reply only carries inside a pasted patch.
    /// </summary>
    private static bool IsGiven(string name) =>
        Given.Contains(name) || name.EndsWith("-by", StringComparison.OrdinalIgnoreCase)
        && !name.Equals("Signed-off-by", StringComparison.OrdinalIgnoreCase) && !name.Equals("Co-developed-by", StringComparison.OrdinalIgnoreCase);

    // "With that fixed", "With Marc's comment fixed", "If Jia is happy with it, please feel free to add", and "With that:" right
    // above the trailer.
    [GeneratedRegex(@"\bwith (that|this|these|those)( (change|changes|fix|fixes|nit|nits))?\s*[:,]?\s*$|\b(with (that|this|these|those|the above|(the |\w+'s )(\w+ )?(nits?|comments?|issues?|changes?|typos?|suggestions?|remarks?))( \w+)? (fixed|addressed|changed|done|sorted|resolved|fixed up|applied|taken into account)|if you (fix|address|change|drop)|if (\w+ ){1,2}(is|are) (happy|ok|okay|fine) with (it|that|this|the change)|assuming|provided that|once (that|this|these) (is|are))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Condition();

    // What is taken back is a trailer: "I'm withdrawing my Ack", "please drop my Reviewed-by" (not "I'd just drop the 'if OF' here").
    [GeneratedRegex(@"\b(withdraw(ing|n)?|retract(ing|ed)?|take back|taking back|drop(ping)?|ignore) (my|the) (\w+ ){0,2}?(ack|acks|acked-by|a-b|r-b|rb|review|reviewed-by|tags?|tested-by|t-b|nak)\b", RegexOptions.IgnoreCase)]
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
            // A trailer given on a diff proposed inline ("How about something like this?") is for the posting that diff became.
            // The diff may be against another base than the posting (git's patch-id counts context lines): the changed lines decide.
            // Read only for a reply that gives a trailer: most replies give none.
            (SeriesVersion Version, MailView Patch)? became = null;
            var becameRead = false;
            var elsewhere = false;
            foreach (var segment in reply.Reply.Segments)
                foreach (var trailer in Trailers.Find(segment.Text).Where(t => IsGiven(t.Name)))
                {
                    if (Withdrawal().IsMatch(segment.Text)) continue; // "I'm withdrawing my Acked-by: X" names a trailer, it does not give one
                    // A patch pasted whole into the reply ("From <sha> Mon Sep 17 ...", "Subject: [PATCH] ...") carries its own trailers.
                    if (InlinePatch().IsMatch(TextBefore(segment.Text, trailer, 4000))) continue;
                    var conditional = Condition().IsMatch(TextBefore(segment.Text, trailer));
                    // A withdrawal answering a mail that gave such a trailer takes back that one only; otherwise the sender's earlier ones.
                    var withdrawn = withdrawals.Any(w => w.Date >= reply.Date && w != reply && w.Mail.FromAddress == reply.Mail.FromAddress
                        && w.Reply.Segments.Any(s => Withdrawal().IsMatch(s.Text) && MentionsKind(s.Text, trailer.Name)) && SameThreadFamily(index, w, version)
                        && (index.ParentOf(w) is not { } answered || answered == reply || !Gives(answered, trailer.Name)));
                    var mismatch = !Matches(trailer, reply);
                    if (!becameRead)
                    {
                        if (index.ParentOf(reply) is { IsPosting: false } parent && ChangedLines(parent.Patch) is { } inline)
                        {
                            became = Became(lineage, version, inline);
                            // Someone else's diff proposed instead ("I'd suggest something like this") that no later version of this
                            // work made is other work (a fix the maintainer takes on his own): a trailer given on it is not for this patch.
                            // The patch re-posted whole (a maintainer rewording its commit message: "From <sha> ...", "Subject: [PATCH]")
                            // is still this patch.
                            elsewhere = became is null && !string.Equals(parent.Mail.FromAddress, reply.Mail.FromAddress, StringComparison.OrdinalIgnoreCase)
                                && !string.Equals(parent.Mail.FromAddress, version.AuthorAddress, StringComparison.OrdinalIgnoreCase)
                                && inline != ChangedLines(posting.Patch) && !InlinePatch().IsMatch(parent.Mail.Body);
                        }
                        becameRead = true;
                    }
                    if (elsewhere) continue;
                    if (became is { } b)
                    {
                        var carriedThere = b.Patch.Patch.Trailers.Any(t => SameTrailer(t, trailer));
                        found.Add(new CollectedTrailer(b.Version, b.Patch, trailer, reply, conditional, withdrawn, mismatch, carriedThere, "trailer.on-inline-diff"));
                        continue;
                    }
                    var targets = posting.IsCover ? version.Patches : [posting];
                    foreach (var patch in targets)
                    {
                        var carried = lineage.Next(version)?.Counterpart(patch)?.Patch.Trailers.Any(t => SameTrailer(t, trailer)) ?? false;
                        found.Add(new CollectedTrailer(version, patch, trailer, reply, conditional, withdrawn, mismatch, carried,
                            posting.IsCover ? "trailer.cover-applies-to-all" : "trailer.reply-to-patch"));
                    }
                }
        }
        return found;
    }

    private static bool Gives(MailView mail, string name) =>
        mail.Reply.Segments.Any(s => Trailers.Find(s.Text).Any(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase)));

    private static bool SameTrailer(Trailer a, Trailer b) =>
        a.Name.Equals(b.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Address, b.Address, StringComparison.OrdinalIgnoreCase);

    /// <summary>The first patch of a later version that makes the inline diff's change.</summary>
    private static (SeriesVersion Version, MailView Patch)? Became(Lineage lineage, SeriesVersion version, string change) =>
        lineage.Versions.Where(v => v.Version > version.Version).OrderBy(v => v.Version)
            .SelectMany(v => v.Patches.Select(p => (v, p))).Where(x => ChangedLines(x.p.Patch) == change)
            .Select(x => ((SeriesVersion, MailView)?)x).FirstOrDefault();

    /// <summary>A diff's files with their removed and added lines, whitespace ignored; null when there is no diff.</summary>
    private static string? ChangedLines(PatchBody patch)
    {
        if (patch.Files.Count == 0) return null;
        var sb = new System.Text.StringBuilder();
        foreach (var file in patch.Files.OrderBy(f => f.NewPath, StringComparer.Ordinal))
        {
            sb.Append(file.NewPath).Append('\n');
            foreach (var hunk in file.Hunks)
            {
                foreach (var line in hunk.Removed) sb.Append('-').Append(string.Concat(line.Where(c => !char.IsWhiteSpace(c)))).Append('\n');
                foreach (var line in hunk.Added) sb.Append('+').Append(string.Concat(line.Where(c => !char.IsWhiteSpace(c)))).Append('\n');
            }
        }
        return sb.ToString();
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
