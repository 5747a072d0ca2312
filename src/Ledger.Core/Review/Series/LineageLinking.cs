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

    [GeneratedRegex(@"lore\.kernel\.org/(?:[\w.-]+/)?(?:r/)?([^\s/<>""]+@[^\s/<>""]+?)/?(?=[\s>)\]""]|$)", RegexOptions.Multiline)]
    private static partial Regex LoreLink();

    public static List<Lineage> Link(MailIndex index, List<SeriesVersion> versions)
    {
        var parent = versions.ToDictionary(v => v.Id, v => v.Id);
        var links = new Dictionary<string, (string Rule, double Score)>();
        string Find(string x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        void Union(SeriesVersion a, SeriesVersion b, string rule, double score)
        {
            var (ra, rb) = (Find(a.Id), Find(b.Id));
            if (ra == rb) return;
            var (early, late) = a.Date <= b.Date ? (a, b) : (b, a);
            parent[Find(late.Id)] = Find(early.Id);
            links.TryAdd(late.Id, (rule, score));
        }

        var byPostingKey = versions.SelectMany(v => v.Postings.Select(p => (p.Key, v))).GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().v);

        foreach (var group in versions.Select(v => (v, id: ChangeId(v))).Where(x => x.id is not null).GroupBy(x => x.id))
            foreach (var pair in group.Skip(1)) Union(group.First().v, pair.v, "change-id", 1.0);

        foreach (var v in versions)
        {
            foreach (var posting in v.Postings)
            {
                foreach (Match m in LoreLink().Matches(posting.Mail.Body))
                    if (byPostingKey.TryGetValue(MessageIds.Key(Uri.UnescapeDataString(m.Groups[1].Value)), out var other) && other != v)
                        Union(other, v, "lore-link", 1.0);
                foreach (var ancestor in index.Ancestors(posting))
                    if (byPostingKey.TryGetValue(ancestor.Key, out var other) && other != v && other.Version != v.Version && other.AuthorAddress == v.AuthorAddress)
                        Union(other, v, "in-reply-to-earlier-version", 0.95);
            }
        }

        var byPatchId = versions.SelectMany(v => v.Patches.Select(p => (p.Patch.PatchId, v))).Where(x => x.PatchId is not null).GroupBy(x => x.PatchId);
        foreach (var group in byPatchId)
            foreach (var pair in group.Skip(1))
                if (pair.v.Version != group.First().v.Version) Union(group.First().v, pair.v, "patch-id", 0.9);

        foreach (var byAuthor in versions.GroupBy(v => v.AuthorAddress))
        {
            var list = byAuthor.OrderBy(v => v.Date).ToList();
            for (var i = 0; i < list.Count; i++)
                for (var j = i + 1; j < list.Count; j++)
                {
                    if (list[i].Version == list[j].Version && Find(list[i].Id) != Find(list[j].Id)) continue;
                    var score = TitleSimilarity(list[i], list[j]);
                    if (score >= TitleThreshold) Union(list[i], list[j], "author+title", score);
                }
        }

        return versions.GroupBy(v => Find(v.Id)).Select(g => new Lineage(g.ToList(), links)).ToList();
    }

    /// <summary>The best match between any two titles (cover or patch) of the two versions, on normalised words.</summary>
    public static double TitleSimilarity(SeriesVersion a, SeriesVersion b)
    {
        var best = 0.0;
        foreach (var x in a.Titles.Select(WithoutPrefix))
            foreach (var y in b.Titles.Select(WithoutPrefix))
                if (Words.Tokens(x).Count >= 3) best = Math.Max(best, Words.Jaccard(x, y));
        return best;
    }

    /// <summary>"KVM: arm64: fix X" and "KVM: arm64: fix Y" share their subsystem prefix, not their work: compare what follows it.</summary>
    private static string WithoutPrefix(string title)
    {
        var normalized = Parsing.Subjects.NormalizeTitle(title);
        var colon = normalized.LastIndexOf(": ", StringComparison.Ordinal);
        return colon >= 0 && colon < normalized.Length - 10 ? normalized[(colon + 2)..] : normalized;
    }

    private static string? ChangeId(SeriesVersion v) => v.Postings.Select(p => p.Patch.ChangeId).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));
}
