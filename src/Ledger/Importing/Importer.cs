using System.Diagnostics;
using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Importing;

/// <summary>
/// Appends every message of a source exactly once. Parsing runs on all cores for one batch while the previous batch is
/// written; new messages go in by Marten's bulk insert (COPY), one new stream per Message-ID. Copies and quarantined
/// mail are counted and kept without ever storing a message twice, so a re-run appends nothing.
/// </summary>
public sealed class Importer(DocumentStore store, int batchSize = 2000)
{
    private bool _headerTableReady;
    private readonly EventCopy _copy = new(store);

    public async Task<ImportSummary> ImportAsync(IMailSource source, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var tally = new Tally();
        Task write = Task.CompletedTask;
        var batch = new List<RawMail>(batchSize);
        try
        {
            await foreach (var raw in source.ReadAsync(ct))
            {
                batch.Add(raw);
                if (batch.Count < batchSize) continue;
                write = await HandOver(write, batch, tally, ct);
                batch = new List<RawMail>(batchSize);
                progress?.Report(tally.Progress(clock.Elapsed));
            }
        }
        finally
        {
            // What was read before a source failed is still written: nothing read is lost.
            write = await HandOver(write, batch, tally, ct);
            await write;
            // No final progress report: Progress<T> runs its callback later on the thread pool, where it would race the
            // caller's summary (and anything the caller prints next); the summary carries the final counts.
            if (Environment.GetEnvironmentVariable("LEDGER_TRACE") is { Length: > 0 })
                Console.Error.WriteLine($"[import] {tally.Read} read in {clock.Elapsed.TotalSeconds:F1} s: parsing (both cores) {tally.ParseTime.TotalSeconds:F1} s, " +
                    $"writing {tally.WriteTime.TotalSeconds:F1} s (events {tally.EventTime.TotalSeconds:F1} s, headers {tally.HeaderTime.TotalSeconds:F1} s), parser waited for writer {tally.WaitTime.TotalSeconds:F1} s");
        }
        return new ImportSummary(tally.Read, tally.New, tally.Duplicates, tally.Quarantined, clock.Elapsed, tally.NewIds);
    }

    private async Task<Task> HandOver(Task previousWrite, List<RawMail> batch, Tally tally, CancellationToken ct)
    {
        if (batch.Count == 0) return previousWrite;
        var readings = new (RawMail Raw, MailReading Reading, MailHeader? Header)[batch.Count];
        var parse = Stopwatch.StartNew();
        Parallel.For(0, batch.Count, i =>
        {
            var reading = MailParser.Parse(batch[i].Bytes);
            readings[i] = (batch[i], reading, reading is MailReading.Read r ? MailHeader.Of(r.Mail) : null);
        });
        tally.ParseTime += parse.Elapsed;
        var wait = Stopwatch.StartNew();
        await previousWrite;
        tally.WaitTime += wait.Elapsed;
        return WriteAsync(readings, tally, ct);
    }

    private async Task WriteAsync((RawMail Raw, MailReading Reading, MailHeader? Header)[] readings, Tally tally, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var fresh = new Dictionary<string, object>();
        var headers = new List<MailHeader>();
        var copies = new List<(string Stream, MessageCopyReceived Copy)>();
        var keys = readings.Select(r => StreamOf(r.Reading)).Distinct().ToArray();
        await using var session = store.LightweightSession();
        var known = await ExistingStreamsAsync(session, keys, ct);
        var knownHashes = await KnownHashesAsync(session, readings, known, ct);

        foreach (var (raw, reading, header) in readings)
        {
            tally.Read++;
            var stream = StreamOf(reading);
            switch (reading)
            {
                case MailReading.Rejected r when known.Contains(stream) || fresh.ContainsKey(stream):
                    tally.Duplicates++;
                    break;
                case MailReading.Rejected r:
                    fresh[stream] = new MessageQuarantined(r.Sha256, r.Reason, raw.Source, raw.Position, RawCompression.Compress(raw.Bytes));
                    tally.Quarantined++;
                    break;
                case MailReading.Read { Mail: var m } when known.Contains(stream) || fresh.ContainsKey(stream):
                    tally.Duplicates++;
                    if (knownHashes.Add(stream + " " + m.Sha256))
                        copies.Add((stream, new MessageCopyReceived(m.MessageId, m.Sha256, m.ListId, raw.Source, raw.Position)));
                    break;
                case MailReading.Read { Mail: var m }:
                    fresh[stream] = Archived(m, raw);
                    headers.Add(header!);
                    knownHashes.Add(stream + " " + m.Sha256);
                    tally.New++;
                    if (tally.NewIds.Count < ImportSummary.MaxListedIds) tally.NewIds.Add(m.MessageId);
                    break;
            }
        }

        // The events and the header rows go in side by side on two connections (the server has cores too). A header row
        // whose events failed is harmless: it is skipped on the retry (on conflict), and re-derived rows fill any gap.
        var eventsWrite = TimedAsync(() => _copy.StartStreamsAsync(fresh.Select(f => (f.Key, f.Value)).ToList(), ct));
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
        foreach (var checkpoint in readings.Select(r => r.Raw.Checkpoint).OfType<SourceCheckpoint>().GroupBy(c => c.Key).Select(g => g.Last()))
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

    private static MessageArchived Archived(ParsedMail m, RawMail raw) => new(
        m.MessageId, m.SyntheticId, m.Date, m.FromName, m.FromAddress, m.Subject, m.InReplyTo, m.References.ToArray(),
        m.ListId, m.Sha256, RawCompression.Compress(raw.Bytes), raw.Source, raw.Position);

    private static string StreamOf(MailReading reading) => reading switch
    {
        MailReading.Read r => MessageIds.StreamKey(r.Mail.MessageId),
        MailReading.Rejected r => "quarantine:" + r.Sha256,
        _ => throw new ArgumentOutOfRangeException(nameof(reading)),
    };

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
    private static async Task<HashSet<string>> KnownHashesAsync(IDocumentSession session, (RawMail Raw, MailReading Reading, MailHeader? Header)[] readings, HashSet<string> known, CancellationToken ct)
    {
        var hashes = new HashSet<string>();
        var streams = readings.Where(r => r.Reading is MailReading.Read).Select(r => StreamOf(r.Reading)).Where(known.Contains).Distinct().ToArray();
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
        public TimeSpan ParseTime, WaitTime, WriteTime, EventTime, HeaderTime;
        public readonly List<string> NewIds = [];
        public ImportProgress Progress(TimeSpan elapsed) => new(Read, New, Duplicates, Quarantined, elapsed);
    }
}
