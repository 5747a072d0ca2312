using Ledger.Core.Decisions;
using Ledger.Database;
using Ledger.Projections.Decisions;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Queries;

/// <summary>
/// Decisions loaded as DecisionView reads them: everything but the rationale revisions, of which only the one in force
/// at the date and version is kept, and the search text. A long-lived decision carries one revision per version (every
/// patch's text and a word diff each time): most of its bytes, of which a view shows one.
/// </summary>
public static class DecisionsAsOf
{
    // Each reference to a TOASTed document decompresses all of it, so it is read twice only (what to keep, the
    // revisions), the offset 0 keeping the planner from inlining those two expressions at every use. The revision is
    // picked by version and date alone and sent beside the document: building jsonb costs as much as sending it.
    private const string Sql = $"""
        select x.kept, x.revisions -> pick.i
        from {LedgerStore.Schema}.mt_doc_decisionrationale d
        cross join lateral (select d.data - array['Revisions', 'SearchText', 'Said'] as kept, d.data -> 'Revisions' as revisions offset 0) x
        left join lateral (
            select (r.n - 1)::int as i
            from rows from (jsonb_array_elements_text(jsonb_path_query_array(x.revisions, '$[*].Version')),
                            jsonb_array_elements_text(jsonb_path_query_array(x.revisions, '$[*].Date'))) with ordinality r(version, date, n)
            where (@date is null or r.date::timestamptz <= @date) and (@version is null or r.version::int <= @version)
            -- as DecisionView picks: the last by version then date, the later-appended one among equals
            order by r.version::int desc, r.date::timestamptz desc, r.n desc
            limit 1) pick on true
        where d.id = any(@ids)
        """;

    /// <summary>In no particular order; ids without a decision are left out.</summary>
    public static async Task<List<DecisionRationale>> LoadAsync(IQuerySession session, IReadOnlyCollection<string> ids, AsOf asOf, CancellationToken ct)
    {
        if (ids.Count == 0) return [];
        await using var cmd = new NpgsqlCommand(Sql, (NpgsqlConnection)session.Connection!);
        cmd.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { Value = ids.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter("date", NpgsqlDbType.TimestampTz) { Value = asOf.Date is { } d ? d.ToUniversalTime() : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("version", NpgsqlDbType.Integer) { Value = asOf.Version is { } v ? v : DBNull.Value });
        var serializer = session.DocumentStore.Options.Serializer();
        var docs = new List<DecisionRationale>(ids.Count);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var doc = await serializer.FromJsonAsync<DecisionRationale>(reader, 0, ct);
            doc.Revisions = await reader.IsDBNullAsync(1, ct) ? [] : [await serializer.FromJsonAsync<RationaleRevised>(reader, 1, ct)];
            docs.Add(doc);
        }
        return docs;
    }

    public static async Task<DecisionRationale?> LoadAsync(IQuerySession session, string id, AsOf asOf, CancellationToken ct) =>
        (await LoadAsync(session, [id], asOf, ct)).FirstOrDefault();
}
