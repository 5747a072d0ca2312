using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Queries;

/// <summary>
/// Stored tsvectors per decision, in a table of our own with a GIN index, kept in step with the DecisionRationale
/// documents by a trigger: `search` (everything said) decides what matches; `head` (titles, scope, the latest curated
/// rationale) and `weight` (how much history) rank the matches.
/// Ranking reads only the short head vector, so a common word matching most decisions of a million-message ledger
/// costs a pass over small inline values instead of detoasting every match's full text. The table lives beside
/// Marten's, not in it, because Marten's schema migrations own that table (they drop columns and indexes they did not
/// create).
/// </summary>
public static class SearchIndex
{
    public const string Table = LedgerStore.Schema + ".decision_search";
    private const string Documents = LedgerStore.Schema + ".mt_doc_decisionrationale";
    private static bool _ensured;

    /// <summary>The best <c>@limit</c> matches of <c>@q</c> (plain words), best first: one query shared by `why` and its benchmark.</summary>
    public const string CandidatesSql = $"""
        select s.id, ts_rank(s.head, q) as rank, s.weight
        from {Table} s, plainto_tsquery('english', @q) q
        where s.search @@ q
        order by rank desc, s.weight desc, s.id
        limit @limit
        """;

    /// <summary>On a connection of its own (queries run in read-only sessions); once per process.</summary>
    public static async Task EnsureAsync(IDocumentStore store, CancellationToken ct)
    {
        if (_ensured) return;
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Projections.Decisions.DecisionRationale), ct);
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        // A ledger made before the head vector existed gets the table made again (and filled) below.
        await using var cmd = new NpgsqlCommand($"""
            do $$ begin
              if exists (select 1 from information_schema.tables where table_schema = '{LedgerStore.Schema}' and table_name = 'decision_search')
                 and not exists (select 1 from information_schema.columns where table_schema = '{LedgerStore.Schema}' and table_name = 'decision_search' and column_name = 'head') then
                drop trigger if exists decision_search_sync on {Documents};
                drop table {Table};
              end if;
            end $$;
            create table if not exists {Table} (id varchar primary key, search tsvector not null, head tsvector not null, weight real not null);
            create index if not exists decision_search_gin on {Table} using gin (search);
            create or replace function {LedgerStore.Schema}.decision_search_row(id varchar, data jsonb) returns {Table} language sql immutable as $$
              select id, to_tsvector('english', coalesce(data ->> 'SearchText', '')), to_tsvector('english', concat_ws(' ', data ->> 'CuratedTitle', data ->> 'Title',
                       (select string_agg(x, ' ') from jsonb_array_elements_text(data -> 'Scope') x), data -> 'CuratedRationales' -> -1 ->> 'Text')),
                     coalesce(jsonb_array_length(data -> 'History'), 0)::real
            $$;
            create or replace function {LedgerStore.Schema}.decision_search_sync() returns trigger language plpgsql as $$
            begin
              if tg_op = 'DELETE' then
                delete from {Table} where id = old.id;
                return old;
              end if;
              insert into {Table} select * from {LedgerStore.Schema}.decision_search_row(new.id, new.data)
                on conflict (id) do update set search = excluded.search, head = excluded.head, weight = excluded.weight;
              return new;
            end $$;
            do $$ begin
              if not exists (select 1 from pg_trigger where tgname = 'decision_search_sync') then
                create trigger decision_search_sync after insert or update or delete on {Documents}
                  for each row execute function {LedgerStore.Schema}.decision_search_sync();
                insert into {Table} select r.* from {Documents} d, {LedgerStore.Schema}.decision_search_row(d.id, d.data) r
                  on conflict (id) do update set search = excluded.search, head = excluded.head, weight = excluded.weight;
              end if;
            end $$;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
        _ensured = true;
    }
}
