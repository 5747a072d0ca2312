using System.Text.RegularExpressions;
using Ledger.Core.Archive;
using Ledger.Core.Review.Threads;
using Ledger.Core.Text;

namespace Ledger.Core.Review.Series;

/// <summary>
/// Links series versions into lineages, strongest evidence first: b4's change-id, links to an earlier version's
/// messages, a version sent in reply to another, the same patch-id, and finally the same author with a similar title.
/// </summary>
public static partial class LineageLinking
{
    public const double TitleThreshold = 0.6;
    /// <summary>A link or reply between two postings of the same author joins them only if their work is recognisably the same.</summary>
    public const double RelatedThreshold = 0.3;
    /// <summary>Two postings of the same version number belong together only as a resend: nearly the same title.</summary>
    public const double ResendThreshold = 0.8;

    [GeneratedRegex(@"lore\.kernel\.org/(?:[\w.-]+/)?(?:r/)?([^\s/<>""]+@[^\s/<>""]+?)/?(?=[\s>)\]""]|$)", RegexOptions.Multiline)]
    private static partial Regex LoreLink();

    public static List<Lineage> Link(MailIndex index, List<SeriesVersion> versions)
    {
        // Titles are compared pair by pair among an author's versions: their words are made once.
        var titles = versions.ToDictionary(v => v, TitlesOf);
        var parent = versions.ToDictionary(v => v.Id, v => v.Id);
        var members = versions.ToDictionary(v => v.Id, v => new List<SeriesVersion> { v });
        var links = new Dictionary<string, (string Rule, double Score)>();
        string Find(string x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(SeriesVersion a, SeriesVersion b, string rule, double score)
        {
            var (ra, rb) = (Find(a.Id), Find(b.Id));
            if (ra == rb || !CanJoin(members[ra], members[rb], titles)) return;
            var (keep, gone) = members[ra][0].Date <= members[rb][0].Date ? (ra, rb) : (rb, ra);
            parent[gone] = keep;
            members[keep].AddRange(members[gone]);
            members[keep].Sort((x, y) => x.Date.CompareTo(y.Date));
            links.TryAdd(a.Date <= b.Date ? b.Id : a.Id, (rule, score));
        }

        var byPostingKey = versions.SelectMany(v => v.Postings.Select(p => (p.Key, v))).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().v);

        foreach (var group in versions.Select(v => (v, id: ChangeId(v))).Where(x => x.id is not null).GroupBy(x => x.id))
            foreach (var pair in group.Skip(1)) Union(group.First().v, pair.v, "change-id", 1.0);

        // Links and replies also point at dependencies and at other people's work: only the same author's related posting counts.
        bool Related(SeriesVersion a, SeriesVersion b) => a != b && a.AuthorAddress == b.AuthorAddress && Similarity(titles[a], titles[b]) >= RelatedThreshold;
        foreach (var v in versions)
        {
            foreach (var posting in v.Postings)
            {
                foreach (Match m in LoreLink().Matches(posting.Mail.Body))
                    if (byPostingKey.TryGetValue(MessageIds.Key(Uri.UnescapeDataString(m.Groups[1].Value)), out var other) && Related(other, v))
                        Union(other, v, "lore-link", 1.0);
                foreach (var ancestor in index.Ancestors(posting))
                    if (byPostingKey.TryGetValue(ancestor.Key, out var other) && other.Version != v.Version && Related(other, v))
                        Union(other, v, "in-reply-to-earlier-version", 0.95);
            }
        }

        // A pull request's patches are copies of commits already applied: they share patch-ids and titles with the series they
        // came from, but they are no version of any of them (maz's "[GIT PULL] KVM/arm64 updates for 5.9" carries 56 patches).
        var carried = versions.Where(v => CarriedByPull(index, v)).ToHashSet();
        var byPatchId = versions.Where(v => !carried.Contains(v))
            .SelectMany(v => v.Patches.Select(p => (p.Patch.PatchId, v))).Where(x => x.PatchId is not null).GroupBy(x => x.PatchId);
        foreach (var group in byPatchId)
            foreach (var pair in group.Skip(1))
                if (pair.v.Version != group.First().v.Version && pair.v.AuthorAddress == group.First().v.AuthorAddress) Union(group.First().v, pair.v, "patch-id", 0.9);

        foreach (var byAuthor in versions.Where(v => !carried.Contains(v)).GroupBy(v => v.AuthorAddress))
        {
            var list = byAuthor.OrderBy(v => v.Date).ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[i].Version == list[j].Version) continue;
                    var score = Similarity(titles[list[i]], titles[list[j]]);
                    if (score >= TitleThreshold) Union(list[i], list[j], "author+title", score);
                }
        }

        // Last, a v2+ that nothing linked to an earlier version: the same author's posting of a lower version number in the
        // weeks before that touches the same files ("[PATCH] Drop 'const' from argument of vq_present()" became "[PATCH V2]
        // Implement vq_present() as a macro", the same function in the same file, posted as a new thread).
        foreach (var v in versions.Where(v => v.Version > 1 && !carried.Contains(v)).OrderBy(v => v.Date))
        {
            if (members[Find(v.Id)].Any(m => m.Version < v.Version)) continue;
            var files = FilesOf(v);
            if (files.Count == 0) continue;
            var earlier = versions.Where(e => e.AuthorAddress == v.AuthorAddress && e.Version < v.Version && e.Date < v.Date
                    && v.Date - e.Date <= SameFilesWindow && !carried.Contains(e) && FilesOf(e).SetEquals(files))
                .MaxBy(e => e.Date);
            if (earlier is not null) Union(earlier, v, "author+files", 0.5);
        }

        return versions.GroupBy(v => Find(v.Id)).Select(g => new Lineage(g.ToList(), links)).ToList();
    }

    /// <summary>How far back a later version is matched to its author's earlier posting by the files alone.</summary>
    public static readonly TimeSpan SameFilesWindow = TimeSpan.FromDays(60);

    private static HashSet<string> FilesOf(SeriesVersion v) =>
        v.Patches.SelectMany(p => p.Patch.Files).Select(f => f.NewPath).Where(p => p != "/dev/null").ToHashSet(StringComparer.Ordinal);

    /// <summary>Patches posted under a pull request: their thread starts at a "[GIT PULL]".</summary>
    private static bool CarriedByPull(MailIndex index, SeriesVersion v) =>
        v.Postings.Any(p => p.Subject.IsPullRequest || index.Ancestors(p).Any(a => a.Subject.IsPullRequest));

    /// <summary>
    /// A lineage has one posting per version number, or a resend of it, and one repository: a join that breaks either is
    /// refused. An author often posts the kernel series and its kvmtool or kvm-unit-tests companion under one title.
    /// </summary>
    private static bool CanJoin(List<SeriesVersion> a, List<SeriesVersion> b, Dictionary<SeriesVersion, Titles> titles)
    {
        if (a[0].Project != b[0].Project) return false;
        foreach (var x in a)
            foreach (var y in b)
                if (x.Version == y.Version && Words.Jaccard(titles[x].Main.Words, titles[y].Main.Words) < ResendThreshold) return false;
        return true;
    }

    /// <summary>The best match between any two titles (cover or patch) of the two versions, on normalised words.</summary>
    public static double TitleSimilarity(SeriesVersion a, SeriesVersion b) => Similarity(TitlesOf(a), TitlesOf(b));

    /// <summary>A title's words without its subsystem prefix; Long when it has three words or more, enough to be compared from.</summary>
    private sealed record Title(HashSet<string> Words, bool Long);

    /// <summary>The version's own title, and all titles of its postings (cover first).</summary>
    private sealed record Titles(Title Main, Title[] All);

    private static Titles TitlesOf(SeriesVersion v) => new(TitleOf(v.Title), v.Titles.Select(TitleOf).ToArray());

    private static Title TitleOf(string title)
    {
        var words = Words.Tokens(WithoutPrefix(title));
        return new Title(words.ToHashSet(), words.Count >= 3);
    }

    private static double Similarity(Titles a, Titles b)
    {
        var best = 0.0;
        foreach (var x in a.All)
            if (x.Long)
                foreach (var y in b.All)
                    best = Math.Max(best, Words.Jaccard(x.Words, y.Words));
        return best;
    }

    /// <summary>"KVM: arm64: fix X" and "KVM: arm64: fix Y" share their subsystem prefix, not their work: compare what follows it.</summary>
    public static string WithoutPrefix(string title)
    {
        var normalized = Parsing.Subjects.NormalizeTitle(title);
        var colon = normalized.LastIndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 && colon < normalized.Length - 10 ? normalized[(colon + 2)..] : normalized;
    }

    /// <summary>Message-ID keys of the lore links in a text (links to an earlier version's messages, among others).</summary>
    public static IEnumerable<string> LoreLinks(string text) =>
        LoreLink().Matches(text).Select(m => MessageIds.Key(Uri.UnescapeDataString(m.Groups[1].Value)));

    private static string? ChangeId(SeriesVersion v) => v.Postings.Select(p => p.Patch.ChangeId).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
