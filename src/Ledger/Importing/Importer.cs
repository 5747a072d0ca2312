using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Importing;

/// <summary>
/// Appends every message of a source exactly once, in three stages joined by bounded channels: one task reads the
/// source, every core prepares rows (parse, compress, serialize: <see cref="ArchiveRow"/>), and one writer appends new
/// messages by binary COPY, one new stream per Message-ID. Reading never waits for parsing and parsing never waits for
/// the database, which needs a core of its own. Copies and quarantined mail are counted and kept without ever storing
/// a message twice, so a re-run appends nothing. Memory: a few batches in flight, whatever the archive size.
/// </summary>
public sealed class Importer(DocumentStore store, int batchSize = 1000)
{
    private const int BatchesInFlight = 1;
    private bool _headerTableReady;
    private readonly EventCopy _copy = new(store);

    public async Task<ImportSummary> ImportAsync(IMailSource source, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        var raws = Channel.CreateBounded<List<RawMail>>(BatchesInFlight);
        var rows = Channel.CreateBounded<ArchiveRow[]>(BatchesInFlight);
        // A failing writer stops the other stages, which would otherwise wait on a full channel for ever.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Exception? sourceFailure = null;

        var reading = Task.Run(async () =>
        {
            var batch = new List<RawMail>(batchSize);
            try
            {
                await foreach (var raw in source.ReadAsync(stop.Token))
                {
                    batch.Add(raw);
                    if (batch.Count < batchSize) continue;
                    await raws.Writer.WriteAsync(batch, stop.Token);
                    batch = new List<RawMail>(batchSize);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                sourceFailure = e; // what was read before the source failed is still written: nothing read is lost
            }
            finally
            {
                if (batch.Count > 0 && !stop.IsCancellationRequested) await raws.Writer.WriteAsync(batch, stop.Token);
                raws.Writer.Complete();
            }
        }, stop.Token);

        var serializer = store.Options.Serializer();
        var preparing = Task.Run(async () =>
        {
            try
            {
                await foreach (var batch in raws.Reader.ReadAllAsync(stop.Token))
                {
                    var parse = Stopwatch.StartNew();
                    var prepared = new ArchiveRow[batch.Count];
                    // One worker per core: unbounded, Parallel.For takes every thread the pool injects while the writer
                    // waits on the database, and the extra threads only add switching on a machine with two cores.
                    Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = stop.Token, MaxDegreeOfParallelism = Environment.ProcessorCount },
                        i => prepared[i] = ArchiveRow.Prepare(batch[i], serializer));
                    tally.PrepareTime += parse.Elapsed;
                    await rows.Writer.WriteAsync(prepared, stop.Token);
                }
            }
            finally { rows.Writer.Complete(); }
        }, stop.Token);

        try
        {
            await foreach (var prepared in rows.Reader.ReadAllAsync(stop.Token))
            {
                await WriteAsync(prepared, tally, stop.Token);
                progress?.Report(tally.Progress(clock.Elapsed));
            }
            await Task.WhenAll(reading, preparing);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            // No final progress report: Progress<T> runs its callback later on the thread pool, where it would race the
            // caller's summary (and anything the caller prints next); the summary carries the final counts.
            if (Environment.GetEnvironmentVariable("LEDGER_TRACE") is { Length: > 0 })
                Console.Error.WriteLine($"[import] {tally.Read} read in {clock.Elapsed.TotalSeconds:F1} s: preparing (all cores) {tally.PrepareTime.TotalSeconds:F1} s, " +
                    $"writing {tally.WriteTime.TotalSeconds:F1} s (events {tally.EventTime.TotalSeconds:F1} s, headers {tally.HeaderTime.TotalSeconds:F1} s)");
        }
        if (sourceFailure is not null) ExceptionDispatchInfo.Throw(sourceFailure);
        return new ImportSummary(tally.Read, tally.New, tally.Duplicates, tally.Quarantined, clock.Elapsed, tally.NewIds);
    }

    private async Task WriteAsync(ArchiveRow[] rows, Tally tally, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var fresh = new Dictionary<string, ArchiveRow>();
        var headers = new List<MailHeader>();
        var copies = new List<(string Stream, MessageCopyReceived Copy)>();
        var keys = rows.Select(r => r.Stream).Distinct().ToArray();
        await using var session = store.LightweightSession();
        var known = await ExistingStreamsAsync(session, keys, ct);
        var knownHashes = await KnownHashesAsync(session, rows, known, ct);

        foreach (var row in rows)
        {
            tally.Read++;
            var stream = row.Stream;
            if (known.Contains(stream) || fresh.ContainsKey(stream))
            {
                tally.Duplicates++;
                if (!row.Quarantined && knownHashes.Add(stream + " " + row.Sha256))
                    copies.Add((stream, new MessageCopyReceived(row.MessageId, row.Sha256, row.ListId, row.Source, row.Position)));
                continue;
            }
            fresh[stream] = row;
            if (row.Quarantined) { tally.Quarantined++; continue; }
            headers.Add(row.Header!);
            knownHashes.Add(stream + " " + row.Sha256);
            tally.New++;
            if (tally.NewIds.Count < ImportSummary.MaxListedIds) tally.NewIds.Add(row.MessageId);
        }

        // The events and the header rows go in side by side on two connections. A header row whose events failed is
        // harmless: it is skipped on the retry (on conflict), and re-derived rows fill any gap.
        var eventsWrite = TimedAsync(() => _copy.StartStreamsAsync(fresh.Values.ToList(), ct));
        var headersWrite = TimedAsync(async () =>
        {
            if (headers.Count == 0) return;
            await using var conn = store.Storage.Database.CreateConnection();
            await conn.OpenAsync(ct);
            if (!_headerTableReady) { await MailHeader.EnsureTableAsync(conn, ct); _headerTableReady = true; }
            await MailHeader.WriteAsync(conn, headers, ct);
        });
        await Task.WhenAll(eventsWrite, headersWrite);
        tally.EventTime += await eventsWrite;
        tally.HeaderTime += await headersWrite;
        foreach (var (stream, copy) in copies) session.Events.Append(stream, copy);
        foreach (var checkpoint in rows.Select(r => r.Checkpoint).OfType<SourceCheckpoint>().GroupBy(c => c.Key).Select(g => g.Last()))
            session.Store(new ImportCheckpoint { Id = checkpoint.Key, Commit = checkpoint.Commit });
        await session.SaveChangesAsync(ct);
        tally.WriteTime += clock.Elapsed;
    }

    private static async Task<TimeSpan> TimedAsync(Func<Task> work)
    {
        var clock = Stopwatch.StartNew();
        await work();
        return clock.Elapsed;
    }

    private static async Task<HashSet<string>> ExistingStreamsAsync(IDocumentSession session, string[] keys, CancellationToken ct)
    {
        var found = new HashSet<string>();
        var conn = (NpgsqlConnection)session.Connection!;
        await using var cmd = new NpgsqlCommand($"select id from {LedgerStore.Schema}.mt_streams where id = any(@ids)", conn);
        cmd.Parameters.AddWithValue("ids", keys);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>Hashes of copies already recorded, so a re-import of the same copy appends nothing.</summary>
    private static async Task<HashSet<string>> KnownHashesAsync(IDocumentSession session, ArchiveRow[] rows, HashSet<string> known, CancellationToken ct)
    {
        var hashes = new HashSet<string>();
        var streams = rows.Where(r => !r.Quarantined).Select(r => r.Stream).Where(known.Contains).Distinct().ToArray();
        if (streams.Length == 0) return hashes;
        var conn = (NpgsqlConnection)session.Connection!;
        await using var cmd = new NpgsqlCommand(
            $"select stream_id, data->>'Sha256' from {LedgerStore.Schema}.mt_events where stream_id = any(@ids) and type in ('message_archived', 'message_copy_received')", conn);
        cmd.Parameters.AddWithValue("ids", streams);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) hashes.Add(reader.GetString(0) + " " + reader.GetString(1));
        return hashes;
    }

    private sealed class Tally
    {
        public long Read, New, Duplicates, Quarantined;
        public TimeSpan PrepareTime, WriteTime, EventTime, HeaderTime;
        public readonly List<string> NewIds = [];
        public ImportProgress Progress(TimeSpan elapsed) => new(Read, New, Duplicates, Quarantined, elapsed);
    }
}
