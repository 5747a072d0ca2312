using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Queries;

/// <summary>
/// Stored tsvectors per decision, in a table of our own with a GIN index, kept in step with the DecisionRationale
/// documents by statement triggers: `search` (everything said) decides what matches; `head` (titles, scope, the latest
/// curated rationale) and `weight` (how much history) rank the matches.
/// Ranking reads only the short head vector, so a common word matching most decisions of a million-message ledger
/// costs a pass over small inline values instead of detoasting every match's full text. The table lives beside
/// Marten's, not in it, because Marten's schema migrations own that table (they drop columns and indexes they did not
/// create).
/// Rows are content-addressed: `hash` is the md5 of the text the vectors are made from, and a written document whose
/// hash is unchanged costs an md5, not two to_tsvector calls. Per statement, not per row: a bulk write of 500
/// documents is one set-based upsert. (The per-row trigger this replaced, deriving every row again, was a quarter of the
/// server's time in a rebuild.)
/// </summary>
public static class SearchIndex
{
    public const string Table = LedgerStore.Schema + ".decision_search";
    private const string Documents = LedgerStore.Schema + ".mt_doc_decisionrationale";
    // Per store: a process may open several ledgers (the tests, the benchmark, a single and a shared import), each its own.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentStore, object> Ensured = new();

    /// <summary>The best <c>@limit</c> matches of <c>@q</c> (plain words), best first: one query shared by `why` and its benchmark.</summary>
    public const string CandidatesSql = $"""
        select s.id, ts_rank(s.head, q) as rank, s.weight
        from {Table} s, plainto_tsquery('english', @q) q
        where s.search @@ q
        order by rank desc, s.weight desc, s.id
        limit @limit
        """;

    /// <summary>Rows left by documents removed without a delete (a rebuild truncates the documents and keeps the rows, to reuse the unchanged ones).</summary>
    public const string DeleteOrphansSql = $"delete from {Table} s where not exists (select 1 from {Documents} d where d.id = s.id)";

    /// <summary>On a connection of its own (queries run in read-only sessions); once per store.</summary>
    public static async Task EnsureAsync(IDocumentStore store, CancellationToken ct)
    {
        if (Ensured.TryGetValue(store, out _)) return;
        await using var conn = store.Storage.Database.CreateConnection();
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Projections.Decisions.DecisionRationale), ct);
        await conn.OpenAsync(ct);
        // A ledger made before the content hash (or the head vector) has the table made again, and filled, below.
        await using var cmd = new NpgsqlCommand($"""
            do $$ begin
              if exists (select 1 from information_schema.tables where table_schema = '{LedgerStore.Schema}' and table_name = 'decision_search')
                 and not exists (select 1 from information_schema.columns where table_schema = '{LedgerStore.Schema}' and table_name = 'decision_search' and column_name = 'hash') then
                drop trigger if exists decision_search_sync on {Documents};
                drop table {Table} cascade; -- and the row function of the head-vector ledgers, which returns its row type
              end if;
            end $$;
            create table if not exists {Table} (id varchar primary key, search tsvector not null, head tsvector not null, weight real not null, hash text not null);
            create index if not exists decision_search_gin on {Table} using gin (search);
            -- One read of the document (each ->> on a toasted document would detoast all of it again); documents written before
            -- SearchHead existed get their head from the fields it is made of.
            create or replace function {LedgerStore.Schema}.decision_search_text(data jsonb, out search text, out head text, out weight real, out hash text) language sql immutable as $$
              select s, h, w, md5(concat_ws(chr(31), s, h, w::text))
              from (select coalesce(r."SearchText", '') as s,
                           coalesce(r."SearchHead", concat_ws(' ', data ->> 'CuratedTitle', data ->> 'Title',
                             (select string_agg(x, ' ') from jsonb_array_elements_text(data -> 'Scope') x), data -> 'CuratedRationales' -> -1 ->> 'Text')) as h,
                           coalesce(r."SearchWeight", jsonb_array_length(data -> 'History'), 0)::real as w
                    from jsonb_to_record(data) as r("SearchText" text, "SearchHead" text, "SearchWeight" real)) t
            $$;
            create or replace function {LedgerStore.Schema}.decision_search_written() returns trigger language plpgsql as $$
            begin
              {UpsertFrom("written")};
              return null;
            end $$;
            create or replace function {LedgerStore.Schema}.decision_search_deleted() returns trigger language plpgsql as $$
            begin
              delete from {Table} s using deleted o where s.id = o.id;
              return null;
            end $$;
            drop trigger if exists decision_search_sync on {Documents}; -- the per-row trigger of earlier ledgers
            drop function if exists {LedgerStore.Schema}.decision_search_sync();
            drop function if exists {LedgerStore.Schema}.decision_search_row(varchar, jsonb);
            do $$ begin
              if not exists (select 1 from pg_trigger where tgname = 'decision_search_inserted') then
                create trigger decision_search_inserted after insert on {Documents} referencing new table as written
                  for each statement execute function {LedgerStore.Schema}.decision_search_written();
                create trigger decision_search_updated after update on {Documents} referencing new table as written
                  for each statement execute function {LedgerStore.Schema}.decision_search_written();
                create trigger decision_search_deleted after delete on {Documents} referencing old table as deleted
                  for each statement execute function {LedgerStore.Schema}.decision_search_deleted();
                {UpsertFrom(Documents)};
              end if;
            end $$;
            """, conn) { CommandTimeout = 0 }; // filling the table of a large ledger takes minutes, once
        await cmd.ExecuteNonQueryAsync(ct);
        Ensured.AddOrUpdate(store, true);
    }

    /// <summary>Upserts the search rows of the documents in <paramref name="source"/> whose text changed; an unchanged one costs only its hash.</summary>
    private static string UpsertFrom(string source) => $"""
        with changed as materialized (
          select d.id, t.* from {source} d cross join lateral {LedgerStore.Schema}.decision_search_text(d.data) t
          where not exists (select 1 from {Table} s where s.id = d.id and s.hash = t.hash))
        insert into {Table} select id, to_tsvector('english', search), to_tsvector('english', head), weight, hash from changed
          on conflict (id) do update set search = excluded.search, head = excluded.head, weight = excluded.weight, hash = excluded.hash
        """;
}
