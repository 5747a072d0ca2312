using System.Diagnostics;
using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Core.Review;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;
using Ledger.Importing;
using Ledger.Projections.Lineages;
using Marten;
using Npgsql;

namespace Ledger.Reviewing;

/// <summary>
/// The I/O edge of review understanding: re-derive interpretations from archived mail and append only what changed.
/// A lineage whose digest is unchanged gets nothing, so a reindex with the same extractors is a no-op.
/// Bounded and incremental: lineages are grouped from the small header rows (<see cref="HeaderGraph"/>); bodies are
/// loaded and parsed only for the components new mail touches (a reindex: all of them), a chunk of whole components
/// at a time, so memory holds one chunk of mail however large the archive.
/// </summary>
public static class ReviewIndexer
{
    public sealed record Outcome(int Lineages, int Changed, int Merged, int Events, TimeSpan Elapsed);

    /// <summary>About this many messages are loaded, parsed and interpreted together.</summary>
    public static int ChunkMessages { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("LEDGER_CHUNK_MESSAGES"), out var n) && n > 0 ? n : 1000;

    /// <summary>After an import: interpret the lineages that new (pending) messages belong to.</summary>
    public static async Task<Outcome?> UnderstandAsync(IDocumentStore store, TextWriter log, CancellationToken ct)
    {
        var outcome = await RunAsync(store, pendingOnly: true, ct);
        if (outcome is null) return null;
        await log.WriteLineAsync($"understood {outcome.Lineages} lineages: {outcome.Changed} (re)interpreted, {outcome.Merged} merged, {outcome.Events} events in {outcome.Elapsed.TotalSeconds:F1} s");
        return outcome;
    }

    /// <summary>Every lineage, chunk by chunk.</summary>
    public static async Task<Outcome> ReindexAsync(IDocumentStore store, CancellationToken ct) =>
        await RunAsync(store, pendingOnly: false, ct) ?? new Outcome(0, 0, 0, 0, TimeSpan.Zero);

    private static async Task<Outcome?> RunAsync(IDocumentStore store, bool pendingOnly, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Built while the headers load (a no-op when the import already did it).
        _ = Task.Run(Interpretation.WarmUp, ct);
        await using var conn = store.Storage.Database.CreateConnection();
        await conn.OpenAsync(ct);
        await MailHeader.EnsureTableAsync(conn, ct);
        await ArchivedMail.BackfillHeadersAsync(store, conn, ct);

        var graph = await HeaderGraph.LoadAsync(conn, ct);
        var components = graph.Components(pendingOnly);
        if (pendingOnly && components.Count == 0) return null;

        int lineages = 0, changed = 0, merged = 0, events = 0;
        Trace($"headers: {graph.Messages} messages, {components.Count} components to interpret (largest {components.Select(c => c.Length).DefaultIfEmpty().Max()}), graph in {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var chunk in HeaderGraph.Chunks(components, ChunkMessages))
        {
            var step = Stopwatch.StartNew();
            var mails = await ArchivedMail.LoadAsync(conn, chunk, ct);
            var loaded = step.Elapsed;
            var o = await InterpretChunkAsync(store, mails, ct);
            Trace($"chunk {chunk.Length} messages: load+parse {loaded.TotalSeconds:F1} s, interpret+append {o.Elapsed.TotalSeconds:F1} s, {o.Events} events");
            lineages += o.Lineages; changed += o.Changed; merged += o.Merged; events += o.Events;
            await using var done = new NpgsqlCommand($"update {MailHeader.Table} set pending = false where id = any(@ids) and pending", conn);
            done.Parameters.AddWithValue("ids", chunk);
            await done.ExecuteNonQueryAsync(ct);
            mails.Clear();
            // Give the chunk's memory back before the next one: peak RSS is one chunk, not a drift upwards.
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }
        await Queries.SearchIndex.EnsureAsync(store, ct);
        return new Outcome(lineages, changed, merged, events, clock.Elapsed);
    }

    /// <summary>Interpret one closed set of mail (whole components) and append what differs from the stored lineages.</summary>
    private static async Task<Outcome> InterpretChunkAsync(IDocumentStore store, List<ParsedMail> mails, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var index = new MailIndex(mails);
        var grouped = LineageLinking.Link(index, SeriesGrouping.Group(index)).OrderBy(l => l.Versions[0].Date).ToList();
        // The pure per-lineage step on both cores; MailIndex is read-only once built.
        var interpretations = grouped.AsParallel().AsOrdered().Select(l => Interpretation.InterpretLineage(index, l)).ToList();

        // A lineage's id is the Message-ID of one of its postings, so every stored lineage this chunk can touch is among these.
        var candidates = mails.Select(m => Stream(m.MessageId)).Distinct().ToList();
        await using var query = store.QuerySession();
        var existing = new Dictionary<string, (string Digest, string? MergedInto)>();
        foreach (var ids in candidates.Chunk(5000))
            foreach (var l in await query.Query<SeriesLineage>().Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Digest, l.MergedInto }).ToListAsync(ct))
                existing[l.Id] = (l.Digest, l.MergedInto);

        var changed = interpretations.Where(i => !existing.TryGetValue(Stream(i.LineageId), out var e) || e.Digest != i.Digest || e.MergedInto is not null).ToList();
        var live = interpretations.Select(i => Stream(i.LineageId)).ToHashSet();
        var lineageOfMessage = interpretations.SelectMany(i => i.MessageKeys.Select(k => (k, i.LineageId))).GroupBy(x => x.k).ToDictionary(g => g.Key, g => g.First().LineageId);
        var merges = existing.Where(e => !live.Contains(e.Key) && e.Value.MergedInto is null).Select(e => e.Key).ToList();

        var events = 0;
        foreach (var batch in changed.Chunk(200))
        {
            await using var session = store.LightweightSession();
            foreach (var i in batch)
            {
                session.Events.Append(Stream(i.LineageId), i.Events.ToArray());
                events += i.Events.Count;
            }
            await session.SaveChangesAsync(ct);
        }
        if (merges.Count > 0)
        {
            await using var session = store.LightweightSession();
            foreach (var stream in merges)
            {
                var oldId = stream["lineage:".Length..];
                var into = lineageOfMessage.GetValueOrDefault(MessageIds.Key(oldId)) ?? "";
                session.Events.Append(stream, new LineageMerged(oldId, into),
                    new DecisionStatusDetected(DecisionIds.ForLineage(oldId), oldId, "superseded", oldId, "ledger", DateTimeOffset.UnixEpoch, Provenance.Of("lineage.merged")));
                events += 2;
            }
            await session.SaveChangesAsync(ct);
        }
        return new Outcome(interpretations.Count, changed.Count, merges.Count, events, clock.Elapsed);
    }

    public static string Stream(string lineageId) => "lineage:" + lineageId;

    private static readonly bool Tracing = Environment.GetEnvironmentVariable("LEDGER_TRACE") is { Length: > 0 };
    private static void Trace(string line) { if (Tracing) Console.Error.WriteLine("[reindex] " + line); }
}
