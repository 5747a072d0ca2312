using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;
using Ledger.Core.Text;

namespace Ledger.Core.Review;

/// <summary>All that Ledger reads into one lineage, as the events to append, with a digest to tell whether anything changed.</summary>
public sealed record LineageInterpretation(string LineageId, IReadOnlyList<string> MessageKeys, IReadOnlyList<object> Events, string Digest);

/// <summary>
/// The whole of review understanding as one pure function: archived mail in, interpretation events out, per lineage.
/// Deterministic, so a reindex with unchanged extractors produces the same digests and appends nothing.
/// </summary>
public static class Interpretation
{
    /// <summary>
    /// Bump when any extractor changes what it derives; it is recorded in every derived event's provenance (act rules
    /// carry their own <see cref="Parsing.ActRules.Version"/>). 2: a lineage holds one repository, stable branches are no
    /// versions, resolutions read the lines right above a comment and the file a diagnostic names, quotes keep their end.
    /// 3: a pull request's patches join no lineage, a trailer given on an inline diff goes to the patch it became, every
    /// reviewer's "-by" trailer is collected (Regression-tested-by, ...). 4: "With that:" above a trailer makes it conditional, only
    /// a trailer is withdrawn ("drop the check" is not a withdrawal), a withdrawal answering one review takes back that one.
    /// 5: the author answers under another address with the same name, or further down the point's sub-thread.
    /// 6: a v2+ nothing else linked joins its author's earlier posting that touched the same files; a trailer given on someone
    /// else's replacement diff that no version made is not the patch's.
    /// </summary>
    public const string ExtractorVersion = "6";

    /// <summary>
    /// Builds the act rules (about a hundred compiled regexes: over half a second of CPU on first use) on the calling thread, so
    /// that a command can have it done while it waits on the database and the archive; <see cref="Interpret"/> then starts warm.
    /// </summary>
    public static void WarmUp() =>
        ActRules.Classify(new ReplySegment("> +\treturn 0;\n", "Looks good, but why not use a helper here?", 0), new ActContext(false, true));

    public static List<LineageInterpretation> Interpret(IEnumerable<ParsedMail> mails)
    {
        var index = new MailIndex(mails);
        var versions = SeriesGrouping.Group(index);
        var lineages = LineageLinking.Link(index, versions);
        var result = new List<LineageInterpretation>(lineages.Count);
        foreach (var lineage in lineages.OrderBy(l => l.Versions[0].Date))
            result.Add(InterpretLineage(index, lineage));
        return result;
    }

    public static LineageInterpretation InterpretLineage(MailIndex index, Lineage lineage)
    {
        var id = lineage.Id;
        var replies = ActExtraction.RepliesOf(index, lineage);
        var events = new List<object>();
        foreach (var v in lineage.Versions)
        {
            var link = lineage.Links.TryGetValue(v.Id, out var l) ? l : ("first-version", 1.0);
            events.Add(new SeriesVersionPosted(id, v.Version, v.Cover?.Mail.MessageId,
                v.Patches.Select(p => new PatchRef(p.Subject.Index, p.Subject.Total, p.Mail.MessageId, p.Mail.Subject, p.Subject.Title,
                    p.Patch.Files.Select(f => f.NewPath).ToArray(), p.Patch.PatchId, CodeIds.Of(p.Patch),
                    p.Patch.Trailers.Select(t => new OwnTrailer(t.Name, t.Value, t.Address)).ToArray())).ToArray(),
                v.First.Mail.Subject, v.Author, v.AuthorAddress, v.Date, lineage.Previous(v)?.Id, Provenance.Of("lineage." + link.Item1, link.Item2)));
        }

        var acts = ActExtraction.Extract(index, lineage, replies);
        var findings = Resolution.ResolveAll(index, lineage, acts);
        var resolved = new List<(ExtractedAct, ResolutionFinding?)>();
        for (var i = 0; i < acts.Count; i++)
        {
            var (act, finding) = (acts[i], findings[i]);
            events.Add(new ReviewActDetected(id, act.ActId, act.Reply.Mail.MessageId, act.Reply.Person, act.Reply.Mail.FromAddress, act.Reply.Date,
                act.Version.Version, act.Act.Type.ToString().ToLowerInvariant(), act.TargetMessageId, ClipQuote(act.Segment.QuotedContext, 1200),
                Clip(act.Act.Text, 2000), act.Act.ProposedText, new Provenance(act.Act.Rule, ActRules.Version, act.Act.Confidence)));
            if (finding is not null)
                events.Add(new ReviewActResolved(id, act.ActId, finding.Status, finding.EvidenceMessageId, finding.Score, finding.Reason, finding.AdoptedIn.ToArray(), Provenance.Of(finding.Rule, finding.Score)));
            resolved.Add((act, finding));
        }

        var trailers = TrailerCollection.Collect(index, lineage, replies);
        foreach (var w in TrailerCollection.Withdrawals(index, lineage, replies))
            events.Add(w);
        foreach (var t in trailers)
            events.Add(new TrailerGiven(id, t.Version.Version, t.Patch.Mail.MessageId, t.Trailer.Name, t.Trailer.Value, t.GivenIn.Mail.MessageId,
                t.GivenIn.Person, t.GivenIn.Date, t.Conditional, t.Withdrawn, t.SenderMismatch, t.Carried, Provenance.Of(t.Rule)));

        foreach (var reply in replies.Where(r => AppliedNotices.IsApplied(r.Mail.Body) && r.Mail.FromAddress != lineage.AuthorAddress))
        {
            var version = lineage.Versions.FirstOrDefault(v => index.PostingOf(reply) is { } p && v.Postings.Any(x => x.Key == p.Key));
            if (version is null) continue;
            var commits = AppliedNotices.Find(reply.Mail.Body);
            events.Add(new SeriesApplied(id, version.Version, reply.Mail.MessageId, reply.Person, reply.Date,
                commits.Select(c => c.Tree).FirstOrDefault(t => t is not null), commits.Select(c => c.Sha).OfType<string>().ToArray(), Provenance.Of("applied.notice")));
        }

        events.AddRange(DecisionDetection.Detect(lineage, resolved, trailers, replies, index));
        var keys = lineage.Versions.SelectMany(v => v.Postings).Concat(replies).Select(m => m.Key).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var digest = Digest(events);
        events.Insert(0, new LineageInterpreted(id, ExtractorVersion, digest, keys.ToArray()));
        return new LineageInterpretation(id, keys, events, digest);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max] + "...";

    /// <summary>A long quote keeps its end, from a line start: the lines right above a comment are what it answers.</summary>
    private static string ClipQuote(string s, int max)
    {
        if (s.Length <= max) return s;
        var from = s.Length - max;
        var line = s.IndexOf('\n', from);
        return "..." + (line >= 0 && line < s.Length - 1 ? s[(line + 1)..] : s[from..]);
    }

    private static string Digest(IEnumerable<object> events)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var e in events)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(e.GetType().Name));
            sha.AppendData(JsonSerializer.SerializeToUtf8Bytes(e, e.GetType()));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }
}
