using System.Data.Common;
using System.Diagnostics;
using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Database;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;
using Ledger.Queries;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Ledger.Projecting;

/// <summary>
/// Rebuilds both projections by folding their events straight from the event table: ordered reads (lineage events by
/// stream, in two halves; decision events by decision id), the same pure When() folds the inline projections apply, and
/// the documents written back by Marten's bulk insert (COPY) 500 at a time. Each fold reads only the event types it
/// applies, never the archived mail, and holds two batches of documents (one folding, one being written) whatever the
/// ledger's size. Marten's projection daemon did the same job several times slower: it pages every event through its
/// own pipeline and stores the documents by upsert.
/// </summary>
public static class ProjectionRebuild
{
    private const string Schema = LedgerStore.Schema;
    private const int BatchSize = 500;
    // A batch is also written once its documents hold this many events: a few decisions run to thousands of events and
    // megabytes each, and 500 of those would be most of the memory the rebuild uses.
    private const int BatchEvents = 5_000;
    private const int LineageParts = 2; // a power of two: parts are taken by the low bits of a hash

    public static async Task<TimeSpan> RunAsync(DocumentStore store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(SeriesLineage), ct);
        // Its triggers re-derive the search rows of documents whose text changed as they go back in; the rest are kept.
        await SearchIndex.EnsureAsync(store, ct);
        var types = LedgerProjections.EventTypes.ToDictionary(t => store.Events.EventMappingFor(t).EventTypeName);
        // Detected decision events ride in lineage streams too, but only the decision fold reads them: they are more than
        // half of the lineage streams' bytes (rationale revisions above all), so the lineage fold leaves them out.
        var lineageTypes = types.Where(t => typeof(ILineageEvent).IsAssignableFrom(t.Value) && !typeof(IDecisionEvent).IsAssignableFrom(t.Value)).Select(t => t.Key).ToArray();
        var decisionTypes = types.Where(t => typeof(IDecisionEvent).IsAssignableFrom(t.Value)).Select(t => t.Key).ToArray();

        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await ExecAsync(conn, $"truncate {Schema}.mt_doc_serieslineage, {Schema}.mt_doc_decisionrationale", ct);
        // Secondary indexes (the lineage document's GIN above all) are dropped for the load and built again in one pass
        // from their own definitions: building an index over the loaded rows is far cheaper than growing it row by row.
        var indexes = await SecondaryIndexesAsync(conn, ct);
        foreach (var (name, _, _) in indexes) await ExecAsync(conn, $"drop index {Schema}.{name}", ct);
        Trace($"truncated, {indexes.Count} indexes dropped", clock);
        // The folds read, fold and write disjoint sets of documents side by side. Lineages are split in two halves by a
        // hash of their stream: they are the larger fold, and three folds keep both cores busy to the end where two left
        // one core idle for the last third of the run.
        var lineageFolds = Enumerable.Range(0, LineageParts).Select(part => Traced(FoldAsync(store, types,
            $"select stream_id, type, data from {Schema}.mt_events where type = any(@types) and hashtext(stream_id) & {LineageParts - 1} = {part} order by stream_id, version", lineageTypes,
            id => new SeriesLineage { Id = id }, (doc, e) => doc.When(e), ct), $"lineages (part {part + 1} of {LineageParts}) folded and written", clock)).ToList();
        var decisionFold = Traced(FoldAsync(store, types,
            $"select data ->> 'DecisionId', type, data from {Schema}.mt_events where type = any(@types) order by data ->> 'DecisionId', seq_id", decisionTypes,
            id => new DecisionRationale { Id = id }, (doc, e) => doc.When(e), ct), "decisions folded and written", clock);
        // A table's indexes are built as soon as its folds are done, beside whatever fold is still running.
        await Task.WhenAll(
            ThenIndexAsync(Task.WhenAll(lineageFolds), "mt_doc_serieslineage"),
            ThenIndexAsync(decisionFold, "mt_doc_decisionrationale"));
        await ExecAsync(conn, SearchIndex.DeleteOrphansSql, ct);
        return clock.Elapsed;

        async Task ThenIndexAsync(Task folds, string table)
        {
            await folds;
            await using var own = store.Storage.Database.CreateConnection();
            await own.OpenAsync(ct);
            foreach (var (name, _, definition) in indexes.Where(i => i.Table == table))
            {
                await ExecAsync(own, definition, ct);
                Trace($"index {name} built", clock);
            }
        }
    }

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("LEDGER_TRACE") is { Length: > 0 };
    private static async Task Traced(Task work, string line, Stopwatch clock) { await work; Trace(line, clock); }
    private static void Trace(string line, Stopwatch clock) { if (Tracing) Console.Error.WriteLine($"[rebuild] {clock.Elapsed.TotalSeconds,7:F1} s  {line}"); }

    private static async Task<List<(string Name, string Table, string Definition)>> SecondaryIndexesAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var found = new List<(string, string, string)>();
        await using var cmd = new NpgsqlCommand("""
            select i.indexname, i.tablename, i.indexdef from pg_indexes i
            join pg_class c on c.relname = i.indexname join pg_index x on x.indexrelid = c.oid
            where i.schemaname = @schema and i.tablename in ('mt_doc_serieslineage', 'mt_doc_decisionrationale') and not x.indisprimary and not x.indisunique
            """, conn);
        cmd.Parameters.AddWithValue("schema", Schema);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return found;
    }

    private static async Task ExecAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Reads (key, type, data) rows ordered by key, folds each key's events into one document, writes documents in batches.</summary>
    private static async Task FoldAsync<T>(DocumentStore store, Dictionary<string, Type> types, string sql, string[] wanted,
        Func<string, T> create, Action<T, object> apply, CancellationToken ct) where T : class
    {
        var serializer = store.Options.Serializer();
        var batch = new List<T>(BatchSize);
        var batchEvents = 0;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("types", wanted);
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(ct);
        T? doc = null;
        string? key = null;
        Task? writing = null;
        try
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (id != key)
                {
                    if (doc is not null) batch.Add(doc);
                    if (batch.Count >= BatchSize || batchEvents >= BatchEvents)
                    {
                        // Written while the next batch is folded, at most one write in flight: reading and folding on the
                        // client overlap with the server storing the last batch, and memory holds two batches at most.
                        if (writing is not null) await writing;
                        writing = store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);
                        batch = new List<T>(BatchSize);
                        batchEvents = 0;
                    }
                    key = id;
                    doc = create(id);
                }
                apply(doc!, serializer.FromJson(types[reader.GetString(1)], reader, 2));
                batchEvents++;
            }
        }
        catch
        {
            // The read or a fold failed: let the write in flight finish and observe it (a failure of its own is
            // secondary), so no batch is still being written when the rebuild reports the error.
            if (writing is not null) await writing.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        if (doc is not null) batch.Add(doc);
        if (writing is not null) await writing;
        if (batch.Count > 0) await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);
    }
}
