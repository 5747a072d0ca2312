using Ledger.Database;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Importing;

/// <summary>
/// Starts many one-event streams by binary COPY straight into Marten's stream and event tables: the archive's fast
/// path. Marten's own bulk insert measured several times slower than COPY for our large payloads (the raw mail rides
/// in the event); this writes the same rows Marten would — its serializer, its type alias, sequence numbers from its
/// sequence — so everything that reads events (projections, rebuild, verify) sees no difference.
/// </summary>
public sealed class EventCopy(DocumentStore store)
{
    private const string Schema = LedgerStore.Schema;

    /// <summary>The rows' events were serialized by Marten's serializer while they were prepared, on every core.</summary>
    public async Task StartStreamsAsync(IReadOnlyList<ArchiveRow> starts, CancellationToken ct)
    {
        if (starts.Count == 0) return;
        var rows = starts.Select(s =>
        {
            var e = store.Events.EventMappingFor(s.EventType);
            return (StreamId: s.Stream, s.Json, Alias: e.EventTypeName, DotNet: e.DotNetTypeName);
        }).ToList();

        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var seq = new List<long>(rows.Count);
        await using (var next = new NpgsqlCommand($"select nextval('{Schema}.mt_events_sequence') from generate_series(1, @n)", conn, tx))
        {
            next.Parameters.AddWithValue("n", rows.Count);
            await using var reader = await next.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) seq.Add(reader.GetInt64(0));
        }
        var now = DateTimeOffset.UtcNow;
        await using (var streams = await conn.BeginBinaryImportAsync($"copy {Schema}.mt_streams (id, version, timestamp, created, tenant_id) from stdin (format binary)", ct))
        {
            foreach (var r in rows)
            {
                await streams.StartRowAsync(ct);
                await streams.WriteAsync(r.StreamId, NpgsqlDbType.Varchar, ct);
                await streams.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
                await streams.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await streams.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await streams.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar, ct);
            }
            await streams.CompleteAsync(ct);
        }
        await using (var events = await conn.BeginBinaryImportAsync(
            $"copy {Schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived) from stdin (format binary)", ct))
        {
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                await events.StartRowAsync(ct);
                await events.WriteAsync(seq[i], NpgsqlDbType.Bigint, ct);
                await events.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                await events.WriteAsync(r.StreamId, NpgsqlDbType.Varchar, ct);
                await events.WriteAsync(1L, NpgsqlDbType.Bigint, ct);
                await events.WriteAsync(r.Json, NpgsqlDbType.Jsonb, ct);
                await events.WriteAsync(r.Alias, NpgsqlDbType.Varchar, ct);
                await events.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await events.WriteAsync("*DEFAULT*", NpgsqlDbType.Varchar, ct);
                await events.WriteAsync(r.DotNet, NpgsqlDbType.Varchar, ct);
                await events.WriteAsync(false, NpgsqlDbType.Boolean, ct);
            }
            await events.CompleteAsync(ct);
        }
        await tx.CommitAsync(ct);
    }
}
