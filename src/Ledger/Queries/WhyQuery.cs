using Ledger.Database;
using Ledger.Projections.Decisions;
using Marten;
using Npgsql;

namespace Ledger.Queries;

/// <summary>`ledger why`: rank decisions for a topic, symbol, path, entity, Message-ID or lore URL.</summary>
public static class WhyQuery
{
    public static async Task<List<DecisionView>> RunAsync(IDocumentStore store, string query, AsOf asOf, int limit, CancellationToken ct)
    {
        // Marten checks a document table's schema the first time a process uses it; doing that inside the read-only
        // query session below would wait on that session's own lock.
        await SearchIndex.EnsureAsync(store, ct);
        await using var session = store.QuerySession();
        if (await Lookup.TryDecisionAsync(session, query, ct) is { } exact)
            return DecisionView.Of(exact, asOf) is { } v ? [v] : [];

        var ids = await SearchAsync(session, query, limit * 4, ct);
        if (ids.Count == 0) return [];
        var docs = await session.LoadManyAsync<DecisionRationale>(ct, ids.Select(i => i.Id).ToArray());
        var rank = ids.ToDictionary(i => i.Id, i => i.Rank);
        return docs
            .Select(d => (Doc: d, Score: rank[d.Id] + Boost(d, query)))
            .OrderByDescending(x => x.Score)
            .Select(x => DecisionView.Of(x.Doc, asOf, query))
            .OfType<DecisionView>()
            .Take(limit)
            .ToList();
    }

    /// <summary>Exact scope hits (the entity, symbol or file itself) beat words that merely occur in the text.</summary>
    private static double Boost(DecisionRationale d, string query)
    {
        var boost = d.Scope.Any(s => string.Equals(s, query, StringComparison.OrdinalIgnoreCase)) ? 1.0 : 0;
        boost += d.Scope.Any(s => s.Contains(query, StringComparison.OrdinalIgnoreCase)) ? 0.5 : 0;
        boost += Math.Min(1.0, d.History.Count(h => DecisionView.Mentions(h.Summary, query)) * 0.1);
        return boost;
    }

    private static async Task<List<(string Id, double Rank)>> SearchAsync(IQuerySession session, string query, int limit, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)session.Connection!;
        await using var cmd = new NpgsqlCommand($"""
            select s.id, ts_rank(s.search, q) as rank
            from {SearchIndex.Table} s join {LedgerStore.Schema}.mt_doc_decisionrationale d on d.id = s.id, plainto_tsquery('english', @q) q
            where s.search @@ q
            order by rank desc limit @limit
            """, conn);
        cmd.Parameters.AddWithValue("q", query);
        cmd.Parameters.AddWithValue("limit", limit);
        var found = new List<(string, double)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetFloat(1)));
        return found;
    }
}
