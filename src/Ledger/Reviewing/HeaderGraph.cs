using Ledger.Core.Review.Series;
using Ledger.Core.Text;
using Ledger.Importing;
using Npgsql;

namespace Ledger.Reviewing;

/// <summary>
/// Which messages can influence each other's interpretation, from the header rows alone (no bodies): a union-find
/// over every relation threading, series grouping and lineage linking use — In-Reply-To/References (also to
/// messages we do not hold), lore links, change-ids, patch-ids, the subject key orphan patch replies are attached by
/// (MailIndex), and the same author with a similar title
/// (LineageLinking's rule and threshold). Each component is a superset of whole lineages, so interpreting one
/// component on its own gives the same lineages as interpreting the whole archive. Memory is a few tens of bytes
/// per message (64-bit hashes, ints), never the mail itself.
/// </summary>
internal sealed class HeaderGraph
{
    private readonly Dictionary<ulong, int> _nodes = new();
    private readonly List<int> _parent = [];
    private readonly List<(long Id, int Node, bool Pending)> _rows = [];
    private readonly List<(int Node, ulong Author, ulong[] Tokens, bool Long)> _postings = [];

    public int Messages => _rows.Count;

    public static async Task<HeaderGraph> LoadAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var graph = new HeaderGraph();
        await using var cmd = new NpgsqlCommand($"select id, key, links, from_address, posting, title, features, pending from {MailHeader.Table} order by id", conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var node = graph.Node("k", reader.GetString(1));
            graph._rows.Add((reader.GetInt64(0), node, reader.GetBoolean(7)));
            foreach (var link in reader.GetFieldValue<string[]>(2)) graph.Union(node, graph.Node("k", link));
            foreach (var feature in reader.GetFieldValue<string[]>(6)) graph.Union(node, graph.Node("f", feature));
            if (reader.GetBoolean(4) && !reader.IsDBNull(5))
            {
                var tokens = Words.Tokens(reader.GetString(5));
                graph._postings.Add((node, Hash("a", reader.GetString(3)), tokens.Select(t => Hash("t", t)).Distinct().ToArray(), tokens.Count >= 3));
            }
        }
        graph.LinkSimilarTitles();
        return graph;
    }

    /// <summary>Components holding at least one message (all, or only those with pending rows), each its row ids in import order; components in import order.</summary>
    public List<long[]> Components(bool pendingOnly)
    {
        var byRoot = new Dictionary<int, (List<long> Ids, bool Pending)>();
        foreach (var (id, node, pending) in _rows)
        {
            var root = Find(node);
            if (!byRoot.TryGetValue(root, out var c)) byRoot[root] = c = ([], false);
            c.Ids.Add(id);
            if (pending && !c.Pending) byRoot[root] = (c.Ids, true);
        }
        return byRoot.Values.Where(c => !pendingOnly || c.Pending).Select(c => c.Ids.ToArray()).OrderBy(c => c[0]).ToList();
    }

    /// <summary>Whole components packed into chunks of about `size` messages (a bigger component is a chunk of its own).</summary>
    public static IEnumerable<long[]> Chunks(List<long[]> components, int size)
    {
        var chunk = new List<long>();
        foreach (var c in components)
        {
            if (chunk.Count > 0 && chunk.Count + c.Length > size) { yield return chunk.ToArray(); chunk.Clear(); }
            chunk.AddRange(c);
        }
        if (chunk.Count > 0) yield return chunk.ToArray();
    }

    /// <summary>
    /// Same author, Jaccard of title words ≥ LineageLinking.TitleThreshold. Candidates by prefix filtering (rarest words
    /// first: two sets that reach the threshold share a word among the first n − ⌈t·n⌉ + 1 of each), then checked exactly.
    /// </summary>
    private void LinkSimilarTitles()
    {
        var t = LineageLinking.TitleThreshold;
        var frequency = new Dictionary<ulong, int>();
        foreach (var p in _postings) foreach (var token in p.Tokens) frequency[token] = frequency.GetValueOrDefault(token) + 1;
        foreach (var p in _postings) Array.Sort(p.Tokens, (a, b) => frequency[a] != frequency[b] ? frequency[a].CompareTo(frequency[b]) : a.CompareTo(b));
        frequency.Clear();

        var index = new Dictionary<(ulong Author, ulong Token), List<int>>();
        for (var i = 0; i < _postings.Count; i++)
        {
            var p = _postings[i];
            var n = p.Tokens.Length;
            if (n == 0) continue;
            var prefix = Math.Clamp(n - (int)Math.Ceiling(t * n - 1e-9) + 1, 1, n);
            var seen = new HashSet<int>();
            for (var k = 0; k < prefix; k++)
            {
                if (!index.TryGetValue((p.Author, p.Tokens[k]), out var bucket)) index[(p.Author, p.Tokens[k])] = bucket = [];
                foreach (var j in bucket)
                {
                    if (!seen.Add(j)) continue;
                    var q = _postings[j];
                    if (!(p.Long || q.Long) || Find(p.Node) == Find(q.Node)) continue;
                    if (Jaccard(p.Tokens, q.Tokens) >= t - 1e-9) Union(p.Node, q.Node);
                }
                bucket.Add(i);
            }
        }
    }

    private static double Jaccard(ulong[] x, ulong[] y)
    {
        var inter = 0;
        foreach (var a in x) if (Array.IndexOf(y, a) >= 0) inter++;
        return (double)inter / (x.Length + y.Length - inter);
    }

    private int Node(string kind, string value)
    {
        var h = Hash(kind, value);
        if (_nodes.TryGetValue(h, out var n)) return n;
        n = _parent.Count;
        _parent.Add(n);
        _nodes[h] = n;
        return n;
    }

    /// <summary>FNV-1a, 64 bits: a collision only ever joins two components (more work, never a wrong answer).</summary>
    private static ulong Hash(string kind, string value)
    {
        var h = 14695981039346656037UL;
        foreach (var c in kind) { h ^= c; h *= 1099511628211UL; }
        h ^= ':'; h *= 1099511628211UL;
        foreach (var c in value) { h ^= c; h *= 1099511628211UL; }
        return h;
    }

    private int Find(int x)
    {
        while (_parent[x] != x) { _parent[x] = _parent[_parent[x]]; x = _parent[x]; }
        return x;
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb) _parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
    }
}
