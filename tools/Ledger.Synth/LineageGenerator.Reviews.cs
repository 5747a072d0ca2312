using System.Globalization;
using System.Text;

namespace Ledger.Synth;

/// <summary>Review traffic on one version: reviewer replies, author answers, follow-ups, NAKs, applied notes.</summary>
internal sealed partial class LineageGenerator
{
    enum Act { Objection, Question, Rewording, Nit, Suggestion, Praise, Direction }

    /// <summary>One act inside a reply being composed: the quoted context, the reviewer's text, its fact.</summary>
    sealed record Composed(Act Kind, List<string> Quote, string Text, ActFact Fact, Pending? Pending, DecisionFact? Decision = null);

    /// <summary>Texts of the current version already targeted by a rewording or typo nit (one proposal each).</summary>
    readonly HashSet<(int Patch, char What)> claimed = [];
    readonly HashSet<string> proposals = [];

    void Reviews(int v, bool final)
    {
        claimed.Clear();
        proposals.Clear();
        // Cover letter: maintainer direction, questions, praise; trailers there apply to the whole series.
        if (lastCover is not null)
        {
            int k = WeightedIndex(r, [55, 35, 10]);
            for (int j = 0; j < k; j++) Review(v, lastCover, -1, final);
        }
        for (int i = 0; i < lastPatches.Count; i++)
        {
            int k = WeightedIndex(r, final ? [40, 45, 12, 3] : [42, 33, 17, 8]);
            for (int j = 0; j < k; j++) Review(v, lastPatches[i], i, final);
        }
    }

    void Review(int v, MailDraft parent, int patchIdx, bool final)
    {
        if (budget <= 0) return;
        var reviewer = r.Chance(0.25) ? maintainer : reviewers[r.Number(reviewers.Length - 1)];
        var p = patches[Math.Max(0, patchIdx)];
        var c = p.Ctx;
        var date = ReplyDate(parent.Date);
        var id = ReplyId(reviewer, date);

        var kinds = new List<Act>();
        int count = final && !naked ? 1 : WeightedIndex(r, [50, 35, 15]) + 1;
        var used = new HashSet<Act>();
        for (int j = 0; j < count; j++)
        {
            Act a;
            if (final && r.Chance(0.6)) a = Act.Praise;
            else if (patchIdx < 0)
                a = (Act)new[] { (int)Act.Direction, (int)Act.Question, (int)Act.Praise, (int)Act.Objection }[WeightedIndex(r, [reviewer == maintainer ? 40 : 0, 30, 20, 10])];
            else a = (Act)WeightedIndex(r, [14, 14, p.CommentText is null && p.RationaleParagraph is null ? 0 : 16, 18, 10, 16, reviewer == maintainer ? 4 : 0]);
            if (a == Act.Direction && final) a = Act.Praise;
            if (!used.Add(a)) continue; // one act of a kind per reply keeps adoption unambiguous
            kinds.Add(a);
        }

        var composed = kinds.Select(a => Compose(a, id, parent, patchIdx, reviewer, v, p, c)).ToList();
        var sb = new StringBuilder(2048);
        var greet = string.Format(CultureInfo.InvariantCulture, r.Pick(Vocabulary.Greetings), author.FirstName);
        if (greet.Length > 0) sb.Append(greet).Append("\n\n");
        sb.Append(Quoting.Attribution(r, author, parent.Date)).Append('\n');
        foreach (var x in composed)
        {
            if (x.Quote.Count > 0) { Quoting.AppendQuoted(sb, x.Quote, 1); sb.Append('\n'); }
            sb.Append(x.Text).Append("\n\n");
        }

        // Trailer: plain when happy, conditional when only minor things were asked.
        var requesting = composed.Where(x => x.Pending is not null).ToList();
        bool minorOnly = requesting.All(x => x.Kind is Act.Nit or Act.Rewording or Act.Question);
        Grant? grant = null;
        var trailerFacts = new List<TrailerFact>();
        if ((requesting.Count == 0 && r.Chance(0.7)) || (requesting.Count > 0 && minorOnly && r.Chance(0.35)))
        {
            bool conditional = requesting.Count > 0;
            var name = reviewer == maintainer ? "Acked-by" : r.Chance(0.85) ? "Reviewed-by" : "Tested-by";
            if (conditional) sb.Append(r.Pick(["With that fixed:", "With the above addressed:", "With that:"])).Append("\n\n");
            sb.Append(name).Append(": ").Append(reviewer.Ident);
            if (name == "Tested-by") sb.Append(" # on ").Append(r.Pick(Vocabulary.Platforms));
            sb.Append("\n\n");
            int[] idxs = patchIdx < 0 ? Enumerable.Range(0, lastPatches.Count).ToArray() : [patchIdx];
            foreach (var i in idxs) trailerFacts.Add(new TrailerFact(lastPatches[i].MessageId, name, reviewer.Ident, id, conditional));
            grant = new Grant { Name = name, Who = reviewer, PatchIdxs = idxs, Facts = trailerFacts, Condition = conditional ? requesting[0].Pending : null };
        }
        sb.Append(r.Pick(["Thanks,\n", "Cheers,\n", "Thanks!\n", "-- \n", "Regards,\n"]))
          .Append(r.Chance(0.4) ? reviewer.FirstName[..1] + "." : reviewer.FirstName).Append('\n');

        var reply = Add(reviewer, [author], Cc(reviewer, author), Re(parent.Subject), date, id, parent, sb.ToString(), Mailer(false), leaf: false);
        if (reply is null) return;
        foreach (var x in composed)
        {
            reply.Truth.Add(x.Fact);
            if (x.Pending?.Also is { } also) reply.Truth.Add(also);
            if (x.Decision is not null) reply.Truth.Add(x.Decision);
            if (x.Pending is not null) pending.Add(x.Pending);
        }
        reply.Truth.AddRange(trailerFacts);
        if (grant is not null)
        {
            grants.Add(grant);
            if (r.Chance(0.06)) Withdraw(v, reply, parent, grant, p, c);
        }
        if (requesting.Count > 0 && r.Chance(0.65)) AuthorAnswer(v, reply, reviewer, requesting, c, parent.Subject);
    }

    List<Person> Cc(Person from, Person to) => reviewers.Append(maintainer).Where(x => x != from && x != to && x != author).Distinct().ToList();

    static string Re(string subject) => subject.StartsWith("Re: ", StringComparison.Ordinal) ? subject : "Re: " + subject;

    Composed Compose(Act a, string id, MailDraft parent, int patchIdx, Person reviewer, int v, PatchState p, CodeContext c)
    {
        var target = parent.MessageId;
        var paragraphs = patchIdx < 0 ? coverIntro.Select(x => TextGen.WrapParagraph(x)).ToList() : p.CommitParagraphs();
        List<string> QuoteHunk()
        {
            if (patchIdx < 0) return Quoting.SplitLines(paragraphs[0]).ToList();
            var h = p.Files[0].Hunks[0];
            var lines = p.HunkLines(h);
            int start = r.Number(0, Math.Max(0, lines.Count - 4));
            return lines.Skip(start).Take(r.Number(2, 5)).ToList();
        }
        Pending Req(ActFact f, double adopt, Action? apply, string? change) =>
            new() { Fact = f, WillAdopt = r.Chance(adopt), PatchIdx = patchIdx, Apply = apply, Change = change, Reviewer = reviewer };

        switch (a)
        {
            case Act.Objection:
            {
                var text = TextGen.Objection(r, c);
                var f = new ActFact(id, "objection", target, null);
                var check = TextGen.AdoptedCheck(c, r);
                var pi = Math.Max(0, patchIdx);
                return new(a, QuoteHunk(), text, f, Req(f, 0.7, () => patches[pi].AddLines(check), $"Check {c.Var}->{c.Field} before use in {c.Func}() ({reviewer.FirstName})"));
            }
            case Act.Question:
            {
                var text = TextGen.Question(r, c, out var alt);
                var f = new ActFact(id, "question", target, null);
                var pi = Math.Max(0, patchIdx);
                var pend = Req(f, 0.4, () => patches[pi].ExtraParagraphs.Add($"Switch to {alt} rather than open-coding the {c.Obj} handling, as suggested in review."), $"Switch to {alt} ({reviewer.FirstName})");
                pend.Alternative = alt;
                // "Why not X?" proposes X as much as it asks (the labels' vocabulary): a suggestion too.
                pend.Also = new ActFact(id, "suggestion", target, null);
                return new(a, Quoting.SplitLines(paragraphs[r.Number(paragraphs.Count - 1)]).ToList(), text, f, pend);
            }
            case Act.Rewording:
            {
                bool canComment = p.CommentText is not null && !claimed.Contains((patchIdx, 'c'));
                bool canRationale = p.RationaleParagraph is not null && !claimed.Contains((patchIdx, 'r'));
                if (!canComment && !canRationale) return Compose(Act.Question, id, parent, patchIdx, reviewer, v, p, c);
                bool comment = canComment && (!canRationale || r.Chance(0.6));
                claimed.Add((patchIdx, comment ? 'c' : 'r'));
                var current = comment ? p.CommentText! : p.RationaleParagraph!;
                string proposed = "";
                for (int tries = 0; tries < 20; tries++)
                {
                    proposed = TextGen.Rationale(r, c);
                    if (proposed != p.CommentText && proposed != p.RationaleParagraph && !proposals.Contains(proposed)) break;
                }
                if (!proposals.Add(proposed)) return Compose(Act.Question, id, parent, patchIdx, reviewer, v, p, c);
                var quote = comment ? p.CommentLines().Select(l => "+" + l).ToList() : Quoting.SplitLines(TextGen.WrapParagraph(current)).ToList();
                string text;
                if (comment)
                    text = r.Pick(["Maybe something like:", "I find this comment confusing. Maybe something like:", "How about:"]) + "\n\n" +
                        "\t/*\n" + string.Concat(TextGen.Wrap(proposed, 66).Select(l => "\t * " + l + "\n")) + "\t */";
                else
                    text = r.Pick(["The commit message should say why. Maybe something like:", "Please reword this, maybe something like:"]) + "\n\n" +
                        string.Concat(TextGen.Wrap(proposed, 68).Select(l => "  " + l + "\n")).TrimEnd('\n');
                var f = new ActFact(id, "rewording", target, proposed);
                var pi = Math.Max(0, patchIdx);
                Action apply = comment ? () => patches[pi].CommentText = proposed : () => patches[pi].RationaleParagraph = proposed;
                return new(a, quote, text, f, Req(f, 0.7, apply, comment ? $"Reworded the comment in {c.Func}() ({reviewer.FirstName})" : $"Reworded the commit message ({reviewer.FirstName})"));
            }
            case Act.Nit:
            {
                var pi = Math.Max(0, patchIdx);
                if (p.Typo is { } t && !p.TypoFixed && claimed.Add((patchIdx, 't')))
                {
                    var f = new ActFact(id, "nit", target, t.Right);
                    var para = paragraphs.FirstOrDefault(x => x.Contains(t.Wrong, StringComparison.Ordinal)) ?? paragraphs[^1];
                    return new(a, Quoting.SplitLines(para).ToList(), $"nit: s/{t.Wrong}/{t.Right}/", f, Req(f, 0.9, () => patches[pi].TypoFixed = true, $"Fixed typo in the commit message ({reviewer.FirstName})"));
                }
                var f2 = new ActFact(id, "nit", target, null);
                return new(a, QuoteHunk(), TextGen.Nit(r, c), f2, Req(f2, 0.8, null, $"Addressed nits from {reviewer.FirstName}"));
            }
            case Act.Suggestion:
            {
                var code = $"\t{c.Api}({c.Obj});";
                var text = $"Consider using {c.Api}() here, i.e.:\n\n{code}\n\nIt would make the error handling simpler.";
                var f = new ActFact(id, "suggestion", target, code);
                var pi = Math.Max(0, patchIdx);
                return new(a, QuoteHunk(), text, f, Req(f, 0.6, () => patches[pi].AddLines(code), $"Use {c.Api}() in {c.Func}() ({reviewer.FirstName})"));
            }
            case Act.Direction:
            {
                var text = TextGen.Direction(r, c, out var statement);
                var f = new ActFact(id, "direction", target, null);
                var pend = Req(f, 0.8, () => patches[0].ExtraParagraphs.Add(statement + ", as requested by the maintainer."), $"{statement} ({reviewer.FirstName})");
                var decision = new DecisionFact(lineage, statement) { StatedIn = id };
                directionActs.Add((decision, pend));
                return new(a, Quoting.SplitLines(paragraphs[0]).ToList(), text, f, pend, decision);
            }
            default:
            {
                var f = new ActFact(id, "praise", target, null) { Resolution = "answered" };
                return new(a, r.Chance(0.5) ? QuoteHunk() : [], r.Pick(Vocabulary.Praise), f, null);
            }
        }
    }

    void AuthorAnswer(int v, MailDraft reply, Person reviewer, List<Composed> acts, CodeContext c, string subject)
    {
        var date = ReplyDate(reply.Date);
        var id = ReplyId(author, date);
        var sb = new StringBuilder(2048);
        sb.Append(Quoting.Attribution(r, reviewer, reply.Date)).Append('\n');
        var facts = new List<ActFact>();
        foreach (var x in acts)
        {
            Quoting.AppendQuoted(sb, x.Quote, 2);
            Quoting.AppendQuoted(sb, [""], 1);
            Quoting.AppendQuoted(sb, Quoting.SplitLines(x.Text), 1);
            sb.Append('\n');
            var pend = x.Pending!;
            if (pend.WillAdopt)
            {
                sb.Append(x.Kind switch
                {
                    Act.Rewording => r.Pick(["Good point, I'll reword it as you suggest.", "Thanks, that reads much better. Will take it for v" + (v + 1) + "."]),
                    Act.Direction => "Fair enough, I'll restrict it in the next version.",
                    _ => r.Pick([$"Sure, will fix in v{v + 1}.", "Ack, will do.", "Good catch, fixed locally."]),
                });
                facts.Add(new ActFact(id, "acceptance", reply.MessageId, null) { Resolution = "answered" });
            }
            else
            {
                sb.Append(x.Kind == Act.Question && pend.Alternative is not null ? TextGen.Answer(r, c, pend.Alternative) : TextGen.Pushback(r, c));
                facts.Add(new ActFact(id, "pushback", reply.MessageId, null) { Resolution = "answered" });
            }
            sb.Append("\n\n");
        }
        sb.Append("Thanks,\n").Append(author.FirstName).Append('\n');
        var d = Add(author, [reviewer], Cc(author, reviewer), Re(subject), date, id, reply, sb.ToString(), Mailer(false), leaf: false);
        if (d is null) return;
        d.Truth.AddRange(facts);
        foreach (var x in acts) x.Pending!.Answered = true;
        if (facts.Any(f => f.Type == "pushback") && r.Chance(0.3))
        {
            var fdate = ReplyDate(d.Date);
            var fid = ReplyId(reviewer, fdate);
            var body = $"{Quoting.Attribution(r, author, d.Date)}\n> {TextGen.Pushback(r, c)}\n\nFair enough, thanks for explaining.\n";
            var f = Add(reviewer, [author], Cc(reviewer, author), Re(subject), fdate, fid, d, body, Mailer(false), leaf: true);
            f?.Truth.Add(new ActFact(fid, "acceptance", id, null) { Resolution = "answered" });
        }
    }

    void Withdraw(int v, MailDraft reply, MailDraft patch, Grant g, PatchState p, CodeContext c)
    {
        var date = ReplyDate(reply.Date);
        var id = ReplyId(g.Who, date);
        var reason = TextGen.Objection(r, c);
        var body = $"{Quoting.Attribution(r, g.Who, reply.Date)}\n> {g.Name}: {g.Who.Ident}\n\nActually, I'm withdrawing my {g.Name}. {reason}\n\nSorry for the noise,\n{g.Who.FirstName}\n";
        var d = Add(g.Who, [author], Cc(g.Who, author), Re(patch.Subject), date, id, reply, body, Mailer(false), leaf: true);
        if (d is null) return;
        g.Withdrawn = true;
        foreach (var f in g.Facts) f.Withdrawn = true;
        var fact = new ActFact(id, "objection", patch.MessageId, null);
        var pi = g.PatchIdxs[0];
        var check = TextGen.AdoptedCheck(c, r);
        pending.Add(new Pending { Fact = fact, WillAdopt = r.Chance(0.7), PatchIdx = pi, Apply = () => patches[pi].AddLines(check), Change = $"Check {c.Var}->{c.Field} in {c.Func}() ({g.Who.FirstName})", Reviewer = g.Who });
        d.Truth.Add(fact);
    }

    void Nak(int v)
    {
        var parent = lastCover ?? lastPatches[0];
        var c = patches[0].Ctx;
        var date = ReplyDate(parent.Date);
        var id = ReplyId(maintainer, date);
        var text = "NAK. " + TextGen.Objection(r, c);
        var body = $"{Quoting.Attribution(r, author, parent.Date)}\n> {parent.Subject}\n\n{text}\n\n{maintainer.FirstName}\n";
        var d = Add(maintainer, [author], Cc(maintainer, author), Re(parent.Subject), date, id, parent, body, Mailer(false), leaf: false);
        if (d is null) return;
        var f = new ActFact(id, "objection", parent.MessageId, null);
        d.Truth.Add(f);
        pending.Add(new Pending { Fact = f, WillAdopt = false, PatchIdx = -1, Reviewer = maintainer });
    }

    bool AppliedNotice(int v)
    {
        var parent = lastCover ?? lastPatches[0];
        var date = lastPatches.Concat(drafts.Where(d => d.Date > parent.Date)).Max(d => d.Date).AddDays(1 + r.Double() * 13);
        var id = ReplyId(maintainer, date);
        var sb = new StringBuilder();
        sb.Append(Quoting.Attribution(r, author, parent.Date)).Append('\n');
        Quoting.AppendQuoted(sb, Quoting.SplitLines(TextGen.WrapParagraph(patchesIntro())).Take(3), 1);
        sb.Append('\n');
        if (r.Chance(0.5))
        {
            sb.Append("Applied to ").Append(subsys.Tree).Append(", thanks!\n\n");
            for (int i = 0; i < lastPatches.Count; i++)
            {
                sb.Append('[').Append(i + 1).Append('/').Append(lastPatches.Count).Append("] ").Append(patches[i].Prefix).Append(": ").Append(patches[i].Title).Append('\n');
                sb.Append("      commit: ").Append(TextGen.Hex(r, 40)).Append('\n');
            }
            sb.Append("\nCheers,\n").Append(maintainer.FirstName).Append('\n');
        }
        else sb.Append("Applied to ").Append(subsys.Tree).Append(", thanks!\n\n").Append(maintainer.FirstName).Append('\n');
        var d = Add(maintainer, [author], Cc(maintainer, author), Re(parent.Subject), date, id, parent, sb.ToString(), Mailer(false), leaf: true);
        if (d is null) return false;
        d.Truth.Add(new ActFact(id, "applied", parent.MessageId, null) { Resolution = "answered" });
        return true;
    }

    string patchesIntro() => lastCover is not null ? coverIntro[0] : string.Join(' ', patches[0].Paragraphs.Take(1));
}
