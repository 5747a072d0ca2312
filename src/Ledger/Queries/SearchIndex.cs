using Ledger.Database;
using Npgsql;

namespace Ledger.Queries;

/// <summary>
/// A stored tsvector beside each DecisionRationale document, kept by PostgreSQL itself (a generated column) and
/// indexed with GIN: ranking then reads the stored vector instead of re-parsing every matching document's text,
/// which is what made `why` slow on a large ledger.
/// </summary>
public static class SearchIndex
{
    public const string Table = LedgerStore.Schema + ".mt_doc_decisionrationale";
    public const string Column = "search";

    private static bool _ensured;

    /// <summary>On a connection of its own: queries run in read-only sessions.</summary>
    public static async Task EnsureAsync(Marten.IDocumentStore store, CancellationToken ct)
    {
        if (_ensured) return;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            do $$ begin
              if to_regclass('{Table}') is not null and not exists (
                  select 1 from information_schema.columns where table_schema = '{LedgerStore.Schema}' and table_name = 'mt_doc_decisionrationale' and column_name = '{Column}') then
                alter table {Table} add column {Column} tsvector generated always as (to_tsvector('english', coalesce(data ->> 'SearchText', ''))) stored;
              end if;
              if to_regclass('{Table}') is not null then
                create index if not exists ledger_decision_search on {Table} using gin ({Column});
              end if;
            end $$;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
        _ensured = true;
    }
}
