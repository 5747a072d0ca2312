using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Queries;

/// <summary>
/// A stored tsvector per decision, in a table of our own with a GIN index, kept in step with the DecisionRationale
/// documents by a trigger: ranking reads the stored vector instead of re-parsing every matching document's text,
/// which is what made `why` slow on a large ledger. It lives beside Marten's table, not in it, because Marten's schema
/// migrations own that table (they drop columns and indexes they did not create).
/// </summary>
public static class SearchIndex
{
    public const string Table = LedgerStore.Schema + ".decision_search";
    private const string Documents = LedgerStore.Schema + ".mt_doc_decisionrationale";
    private static bool _ensured;

    /// <summary>On a connection of its own (queries run in read-only sessions); once per process.</summary>
    public static async Task EnsureAsync(IDocumentStore store, CancellationToken ct)
    {
        if (_ensured) return;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Projections.Decisions.DecisionRationale), ct);
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            create table if not exists {Table} (id varchar primary key, search tsvector not null);
            create index if not exists decision_search_gin on {Table} using gin (search);
            create or replace function {LedgerStore.Schema}.decision_search_sync() returns trigger language plpgsql as $$
            begin
              if tg_op = 'DELETE' then
                delete from {Table} where id = old.id;
                return old;
              end if;
              insert into {Table} (id, search) values (new.id, to_tsvector('english', coalesce(new.data ->> 'SearchText', '')))
                on conflict (id) do update set search = excluded.search;
              return new;
            end $$;
            do $$ begin
              if not exists (select 1 from pg_trigger where tgname = 'decision_search_sync') then
                create trigger decision_search_sync after insert or update or delete on {Documents}
                  for each row execute function {LedgerStore.Schema}.decision_search_sync();
                insert into {Table} (id, search)
                  select id, to_tsvector('english', coalesce(data ->> 'SearchText', '')) from {Documents}
                  on conflict (id) do update set search = excluded.search;
              end if;
            end $$;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
        _ensured = true;
    }
}
