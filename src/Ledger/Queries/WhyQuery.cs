using Ledger.Core.Text;
using Ledger.Database;
using Ledger.Projections.Decisions;
using Marten;
using Npgsql;

namespace Ledger.Queries;

/// <summary>`ledger why`: rank decisions for a topic, symbol, path, entity, Message-ID or lore URL.</summary>
public static class WhyQuery
{
    private sealed record Candidate(string Id, double Rank, string[] Scope, string[] Summaries);

    public static async Task<List<DecisionView>> RunAsync(IDocumentStore store, string query, AsOf asOf, int limit, CancellationToken ct)
    {
        // Marten checks a document table's schema the first time a process uses it; doing that inside the read-only
        // query session below would wait on that session's own lock.
        await SearchIndex.EnsureAsync(store, ct);
        await using var session = store.QuerySession();
        if (await Lookup.TryDecisionAsync(session, query, ct) is { } exact)
            return DecisionView.Of(exact, asOf) is { } v ? [v] : [];

        // Ranked on what the ranking reads (scope, history summaries: one pass over each candidate's document on the
        // server); only the decisions shown are loaded.
        var terms = Words.Tokens(query);
        var ranked = (await SearchAsync(session, query, limit * 4, ct))
            .Select(c => (c.Id, Score: c.Rank + Boost(c, query, terms)))
            .OrderByDescending(x => x.Score)
            .Select(x => x.Id)
            .ToList();
        var views = new List<DecisionView>();
        for (var next = 0; next < ranked.Count && views.Count < limit;)
        {
            // A decision with nothing to show as of the date yields no view; the next ones take its place.
            var batch = ranked.Skip(next).Take(limit - views.Count).ToList();
            next += batch.Count;
            var docs = (await session.LoadManyAsync<DecisionRationale>(ct, batch.ToArray())).ToDictionary(d => d.Id);
            views.AddRange(batch.Where(docs.ContainsKey).Select(id => DecisionView.Of(docs[id], asOf, query)).OfType<DecisionView>());
        }
        return views;
    }

    /// <summary>Exact scope hits (the entity, symbol or file itself) beat words that merely occur in the text.</summary>
    private static double Boost(Candidate c, string query, IReadOnlyList<string> terms)
    {
        var boost = c.Scope.Any(s => string.Equals(s, query, StringComparison.OrdinalIgnoreCase)) ? 1.0 : 0;
        boost += c.Scope.Any(s => s.Contains(query, StringComparison.OrdinalIgnoreCase)) ? 0.5 : 0;
        boost += Math.Min(1.0, c.Summaries.Count(s => DecisionView.Mentions(s, query, terms)) * 0.1);
        return boost;
    }

    private static async Task<List<Candidate>> SearchAsync(IQuerySession session, string query, int limit, CancellationToken ct)
    {
        var conn = (NpgsqlConnection)session.Connection!;
        await using var cmd = new NpgsqlCommand($"""
            select c.id, c.rank, coalesce(r."Scope", array[]::text[]), array(select jsonb_array_elements_text(jsonb_path_query_array(r."History", '$[*].Summary')))
            from ({SearchIndex.CandidatesSql}) c
            join {LedgerStore.Schema}.mt_doc_decisionrationale d on d.id = c.id
            cross join lateral jsonb_to_record(d.data) as r("Scope" text[], "History" jsonb)
            order by c.rank desc, c.weight desc, c.id
            """, conn);
        cmd.Parameters.AddWithValue("q", query);
        cmd.Parameters.AddWithValue("limit", limit);
        var found = new List<Candidate>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(new Candidate(reader.GetString(0), reader.GetFloat(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3)));
        return found;
    }
}
