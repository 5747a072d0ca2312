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
/// Rebuilds both projections by folding their events straight from the event table: one ordered read per projection
/// (lineage events by stream, decision events by decision id), the same pure When() folds the inline projections
/// apply, and the documents written back by Marten's bulk insert (COPY) a thousand at a time. Only the projections'
/// own event types are read, never the archived mail, and memory holds one batch of documents whatever the ledger's
/// size. Marten's projection daemon did the same job several times slower: it pages every event through its
/// own pipeline and stores the documents by upsert.
/// </summary>
public static class ProjectionRebuild
{
    private const string Schema = LedgerStore.Schema;
    private const int BatchSize = 1000;

    public static async Task<TimeSpan> RunAsync(DocumentStore store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(SeriesLineage), ct);
        await SearchIndex.EnsureAsync(store, ct); // its trigger re-derives the search vectors as documents go back in
        var types = LedgerProjections.EventTypes.ToDictionary(t => store.Events.EventMappingFor(t).EventTypeName);
        var lineageTypes = types.Where(t => typeof(ILineageEvent).IsAssignableFrom(t.Value)).Select(t => t.Key).ToArray();
        var decisionTypes = types.Where(t => typeof(IDecisionEvent).IsAssignableFrom(t.Value)).Select(t => t.Key).ToArray();

        await using (var conn = store.Storage.Database.CreateConnection())
        {
            await conn.OpenAsync(ct);
            await using var clear = new NpgsqlCommand($"truncate {Schema}.mt_doc_serieslineage, {Schema}.mt_doc_decisionrationale, {SearchIndex.Table}", conn);
            await clear.ExecuteNonQueryAsync(ct);
        }
        await FoldAsync(store, types,
            $"select stream_id, type, data from {Schema}.mt_events where type = any(@types) order by stream_id, version", lineageTypes,
            id => new SeriesLineage { Id = id }, (doc, e) => doc.When(e), ct);
        await FoldAsync(store, types,
            $"select data ->> 'DecisionId', type, data from {Schema}.mt_events where type = any(@types) order by data ->> 'DecisionId', seq_id", decisionTypes,
            id => new DecisionRationale { Id = id }, (doc, e) => doc.When(e), ct);
        return clock.Elapsed;
    }

    /// <summary>Reads (key, type, data) rows ordered by key, folds each key's events into one document, writes documents in batches.</summary>
    private static async Task FoldAsync<T>(DocumentStore store, Dictionary<string, Type> types, string sql, string[] wanted,
        Func<string, T> create, Action<T, object> apply, CancellationToken ct) where T : class
    {
        var serializer = store.Options.Serializer();
        var batch = new List<T>(BatchSize);
        Task write = Task.CompletedTask;
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.Parameters.AddWithValue("types", wanted);
        await using DbDataReader reader = await cmd.ExecuteReaderAsync(ct);
        T? doc = null;
        string? key = null;
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetString(0);
            if (id != key)
            {
                if (doc is not null) batch.Add(doc);
                if (batch.Count >= BatchSize)
                {
                    // The previous batch is written while this one is folded.
                    await write;
                    write = store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);
                    batch = new List<T>(BatchSize);
                }
                key = id;
                doc = create(id);
            }
            apply(doc!, serializer.FromJson(types[reader.GetString(1)], reader, 2));
        }
        if (doc is not null) batch.Add(doc);
        await write;
        if (batch.Count > 0) await store.BulkInsertDocumentsAsync(batch, BulkInsertMode.InsertsOnly, BatchSize, ct);
    }
}
