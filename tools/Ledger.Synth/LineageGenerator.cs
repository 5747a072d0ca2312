using System.Globalization;
using System.Text;
using Bogus;

namespace Ledger.Synth;

/// <summary>
/// Generates one lineage (a series across all its versions, each version a new thread, plus all review
/// traffic) from its own seeded Randomizer. Pure: same seed, start time and budget give the same drafts.
/// The whole lineage is planned in memory (a few hundred messages at most) so that act resolutions are
/// final before anything is emitted.
/// </summary>
internal sealed partial class LineageGenerator
{
    readonly Randomizer r;
    readonly World world;
    readonly long index;
    readonly string lineage;
    readonly List<MailDraft> drafts = [];
    int budget;
    long seq;

    Subsystem subsys = null!;
    Person author = null!;
    Person maintainer = null!;
    Person[] reviewers = [];
    List<MailingList> lists = [];
    List<PatchState> patches = [];
    string coverTitle = "";
    List<string> coverIntro = [];
    string? treeTag;
    bool rfc, useB4, applied, naked;
    string changeId = "";
    string gitVersion = "";
    readonly List<(int Version, List<string> Changes)> history = [];
    readonly List<(int Version, string Id)> previous = [];
    readonly List<Pending> pending = [];
    readonly List<Grant> grants = [];
    int versionsPlanned;
    int reserve;
    MailDraft? lastCover;
    List<MailDraft> lastPatches = [];
    readonly List<(DecisionFact Fact, Pending Act)> directionActs = [];

    /// <summary>A requesting review act awaiting the next version.</summary>
    sealed class Pending
    {
        public required ActFact Fact;
        /// <summary>A second act of the same sentence ("Why not X?" asks and proposes X): resolved with the first.</summary>
        public ActFact? Also;
        public required bool WillAdopt;
        public bool Answered;
        public required int PatchIdx;        // -1: cover
        public Action? Apply;
        public string? Change;
        public required Person Reviewer;
        public string? Alternative;

        public void Resolve(string status)
        {
            Fact.Resolution = status;
            if (Also is not null) Also.Resolution = status;
        }
    }

    sealed class Grant
    {
        public required string Name;
        public required Person Who;
        public required int[] PatchIdxs;
        public required List<TrailerFact> Facts;
        public Pending? Condition;
        public bool Withdrawn;
    }

    public LineageGenerator(World world, Randomizer r, long index)
    {
        this.world = world;
        this.r = r;
        this.index = index;
        lineage = "L" + index.ToString(CultureInfo.InvariantCulture);
    }

    static int WeightedIndex(Randomizer r, double[] weights)
    {
        var x = r.Double() * weights.Sum();
        for (int i = 0; i < weights.Length; i++) { x -= weights[i]; if (x < 0) return i; }
        return weights.Length - 1;
    }

    public List<MailDraft> Generate(int budgetLimit, DateTimeOffset start)
    {
        budget = budgetLimit;
        int si = r.Number(Vocabulary.Subsystems.Length - 1);
        subsys = Vocabulary.Subsystems[si];
        maintainer = world.Maintainers[si][r.Number(2)];
        author = world.People[r.Number(60, world.People.Length - 1)];
        reviewers = Enumerable.Range(0, r.Number(1, 4)).Select(_ => world.People[r.Number(60, world.People.Length - 1)])
            .Where(p => p != author).Distinct().ToArray();
        if (reviewers.Length == 0) reviewers = [world.Maintainers[si][(Array.IndexOf(world.Maintainers[si], maintainer) + 1) % 3]];
        lists = [.. subsys.Lists];
        if (r.Chance(0.6)) lists.Add(Vocabulary.Lkml);
        int versions = versionsPlanned = 1 + WeightedIndex(r, [35, 25, 15, 9, 6, 4, 2.5, 1.5, 1, 1]);
        int n = r.Number(99) switch { < 40 => 1, < 80 => r.Number(2, 5), < 95 => r.Number(6, 12), _ => r.Number(13, 20) };
        var fate = r.Double();
        applied = fate < 0.55;
        naked = !applied && fate < 0.63;
        useB4 = r.Chance(0.35);
        rfc = r.Chance(0.12);
        treeTag = subsys.TreeTag is not null && r.Chance(0.7) ? subsys.TreeTag : null;
        gitVersion = r.Pick(Vocabulary.GitVersions);
        patches = Enumerable.Range(0, n).Select(_ => PatchState.Create(r, subsys, author)).ToList();
        if (r.Chance(0.1)) patches[0].SuggestedBy = maintainer;
        var c0 = patches[0].Ctx;
        coverTitle = TextGen.Title(r, c0);
        coverIntro = [$"This series lets {c0.Func2}() honour {c0.Flag} for {c0.Scope}. {TextGen.Problem(r, c0)}", TextGen.Fix(r, c0)];
        if (r.Chance(0.5)) coverIntro.Add(TextGen.Rationale(r, c0));
        var slug = string.Join('-', c0.Sym.Replace('_', '-'), c0.Obj);
        changeId = string.Create(CultureInfo.InvariantCulture, $"{start.UtcDateTime:yyyyMMdd}-{slug}-{TextGen.Hex(r, 12)}");

        var t = start;
        int lastVersion = 0;
        for (int v = 1; v <= versions; v++)
        {
            int need = patches.Count > 1 ? patches.Count + 1 : 1;
            if (need > budget)
            {
                if (v == 1 && budget >= 1) { patches = [patches[0]]; }
                else break;
            }
            if (v > 1)
            {
                t = drafts.Max(d => d.Date).AddDays(1 + r.Double() * r.Double() * 40).AddMinutes(r.Number(0, 600));
                NextVersion(v);
            }
            EmitVersion(v, t);
            lastVersion = v;
            bool final = v == versions;
            if (final && naked) Nak(v);
            Reviews(v, final);
            previous.Add((v, (lastCover ?? lastPatches[0]).MessageId));
        }
        // No next version: whatever was not answered stays open.
        foreach (var p in pending) p.Resolve(p.Answered ? "answered" : "open");
        pending.Clear();
        bool reallyApplied = applied && lastVersion > 0 && AppliedNotice(lastVersion);
        foreach (var (fact, act) in directionActs)
            fact.Status = act.Fact.Resolution == "addressed" ? (reallyApplied ? "accepted" : "proposed")
                : act.Fact.Resolution == "answered" && !act.WillAdopt ? "rejected" : "proposed";
        SeriesDecision(reallyApplied);
        drafts.Sort((a, b) => a.Date.UtcTicks != b.Date.UtcTicks ? a.Date.UtcTicks.CompareTo(b.Date.UtcTicks) : a.Seq.CompareTo(b.Seq));
        return drafts;
    }

    void SeriesDecision(bool reallyApplied)
    {
        var lastPatch = drafts.LastOrDefault(d => d.Subject.StartsWith('[') && !d.Subject.Contains(" 0/", StringComparison.Ordinal));
        var p0 = patches[0];
        var statement = p0.CommentText ?? p0.RationaleParagraph;
        if (statement is null || lastPatch is null) return;
        var fact = new DecisionFact(lineage, statement) { StatedIn = lastPatch.MessageId };
        fact.Status = reallyApplied ? "accepted" : naked ? "rejected" : "proposed";
        lastPatch.Truth.Add(fact);
    }

    // ---------------------------------------------------------------- drafts

    MailDraft? Add(Person from, IReadOnlyList<Person> to, IReadOnlyList<Person> cc, string subject, DateTimeOffset date,
        string id, MailDraft? parent, string body, string? mailer, bool leaf)
    {
        if (budget <= 0) return null;
        budget--;
        var refs = parent is null ? [] : parent.References.Append(parent.MessageId).ToList();
        if (refs.Count > 12) refs.RemoveRange(1, refs.Count - 12);
        var d = new MailDraft
        {
            MessageId = id,
            From = from,
            To = to,
            Cc = cc,
            Lists = lists,
            Subject = subject,
            Date = date.ToOffset(from.Tz),
            InReplyTo = parent?.MessageId,
            References = refs,
            Body = body,
            MailerHeader = mailer,
            List = lists[0],
            Seq = seq++,
        };
        if (parent is not null) parent.Children++;
        if (mailer is not null && mailer.StartsWith("User-Agent", StringComparison.Ordinal))
        {
            var e = r.Double();
            if (e < 0.03) d.Encoding = BodyEncoding.QuotedPrintable;
            else if (e < 0.04) d.Encoding = BodyEncoding.Base64;
        }
        if (lists.Count > 1 && budget - reserve >= 1 && r.Chance(0.01))
        {
            d.CrossList = lists[r.Number(1, lists.Count - 1)];
            budget--;
        }
        if (r.Chance(0.005)) Malform(d, leaf);
        drafts.Add(d);
        return d;
    }

    void Malform(MailDraft d, bool leaf)
    {
        d.Defect = (Defect)r.Number(leaf ? 1 : 2, 4);
        d.DefectText = d.Defect switch
        {
            Defect.GarbageHeader => r.Pick(["This line has no colon at all", "X-Garbage\u0001\u007f no-colon", ">From nobody Mon Jan  1 00:00:00 2024", "=?UTF-8?B?broken"]),
            Defect.BadDate => r.Pick(["Mon, 32 Foo 2024 25:61:00 +9999", "yesterday afternoon", "2024-13-45T99:99:99", "Tue, 30 Feb 1900 12:00:00 GMT+25", ""]),
            _ => "",
        };
    }

    static string Ordinal(int i, int n) => n >= 10 ? i.ToString("D2", CultureInfo.InvariantCulture) : i.ToString(CultureInfo.InvariantCulture);

    string Subject(int v, int i, int n, string title, string prefix)
    {
        var sb = new StringBuilder("[");
        if (rfc && v == 1) sb.Append(useB4 ? "PATCH RFC" : "RFC PATCH"); else sb.Append("PATCH");
        if (treeTag is not null) sb.Append(' ').Append(treeTag);
        if (v > 1) sb.Append(" v").Append(v);
        if (n > 1) sb.Append(' ').Append(Ordinal(i, n)).Append('/').Append(n);
        sb.Append("] ").Append(prefix).Append(": ").Append(title);
        return sb.ToString();
    }

    string PatchId(int v, int k, DateTimeOffset t, string hash)
    {
        var u = t.UtcDateTime;
        return useB4
            ? string.Create(CultureInfo.InvariantCulture, $"{u:yyyyMMdd}-{changeId.Split('-')[1]}-v{v}-{k}-{hash}@{author.Domain}")
            : string.Create(CultureInfo.InvariantCulture, $"{u:yyyyMMddHHmmss}.{1000 + index}-{k + 1}-{author.User}@{author.Domain}");
    }

    string ReplyId(Person p, DateTimeOffset t)
    {
        var u = t.UtcDateTime;
        return r.Number(4) switch
        {
            0 => $"Z{TextGen.Base62(r, 15)}@{p.Domain}",
            1 => $"86{TextGen.Hex(r, 10)}.wl-{p.User}@{p.Domain}",
            2 => $"CA{TextGen.Base62(r, 44)}@mail.gmail.com",
            3 => string.Create(CultureInfo.InvariantCulture, $"{u:yyyyMMddHHmmss}.GA{r.Number(1000, 99999)}@{p.Domain}"),
            _ => $"{TextGen.Hex(r, 8)}-{TextGen.Hex(r, 4)}-{TextGen.Hex(r, 4)}-{TextGen.Hex(r, 4)}-{TextGen.Hex(r, 12)}@{p.Domain}",
        };
    }

    string Mailer(bool patch) => patch
        ? (useB4 ? "X-Mailer: b4 0.13.0" : $"X-Mailer: git-send-email {gitVersion}")
        : "User-Agent: " + r.Pick(Vocabulary.UserAgents);

    DateTimeOffset ReplyDate(DateTimeOffset parent)
    {
        if (r.Chance(0.02)) return parent.AddMinutes(-r.Number(1, 180)); // sender clock skew
        var x = r.Double();
        return parent.AddMinutes(8 + x * x * x * 14400 + r.Number(0, 59));
    }
}
