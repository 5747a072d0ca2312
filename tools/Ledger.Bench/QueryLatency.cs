using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Ledger.Changelog;
using Ledger.Core.Decisions;
using Ledger.Database;
using Ledger.Queries;
using Npgsql;

namespace Ledger.Bench;

/// <summary>
/// `why`, `history`, `changelog` latency: targets taken from the ledger itself (deterministic), a warm-up, then every
/// target timed in this process on a warm store (p50/p95/max), beside the SQL floor of the same answer and a few cold
/// CLI runs. The target is p95 under 100 ms; ratio = 100 ms / p95 (≥1 meets it).
/// </summary>
public static partial class Program
{
    private const double LatencyTargetMs = 100;
    private const int WarmUp = 10, ColdRuns = 5;
    /// <summary>How many timed passes over the targets (--rounds): on a shared machine one pass's p95 is a handful of samples.</summary>
    private static int _rounds = 1;

    // ---------------------------------------------------------------- why

    private static async Task<Dictionary<string, object?>> WhyAsync(int count)
    {
        const int limit = 3;
        var cs = await DatabaseAsync(fresh: false);
        var queries = await PickQueriesAsync(cs, count);
        await using var store = LedgerStore.Open(cs);
        var asOf = new AsOf(null, null);
        var (warm, hits) = await TimeEachAsync(queries, async q => (await WhyQuery.RunAsync(store, q, asOf, limit, default)).Count > 0);

        // Its own limit: the full-text probe alone on the stored vectors, as WhyQuery runs it (limit × 4 candidates).
        var sql = await TimeSqlAsync(cs, queries, SearchIndex.CandidatesSql, q => [("q", q), ("limit", limit * 4)]);

        var cold = await ColdAsync(queries, q => ["why", q, "--db", cs]);
        return EmitLatency("why", queries.Count, hits, warm, sql, cold);
    }

    /// <summary>Symbols and entities (decision scopes) and subject words, taken from the ledger itself, deterministic.</summary>
    private static async Task<List<string>> PickQueriesAsync(string cs, int count)
    {
        var scopes = await ColumnAsync(cs, "select distinct s from (select jsonb_array_elements_text(data->'Scope') s from ledger.mt_doc_decisionrationale) x order by s limit 5000");
        var subjects = new List<string>();
        foreach (var title in await ColumnAsync(cs, "select data->>'Title' from ledger.mt_doc_decisionrationale where data->>'Title' is not null order by id limit 5000"))
        {
            var words = Regex.Matches(title, @"[A-Za-z_][A-Za-z0-9_]{4,}").Select(m => m.Value).ToList();
            if (words.Count >= 2) subjects.Add(string.Join(' ', words.Take(2)));
        }
        var picked = new List<string>();
        picked.AddRange(Spread(scopes, count / 2));
        picked.AddRange(Spread(subjects, count - picked.Count));
        if (picked.Count < count) picked.AddRange(Spread(scopes.Concat(subjects).ToList(), count - picked.Count));
        return picked;
    }

    // ---------------------------------------------------------------- history

    private static async Task<Dictionary<string, object?>> HistoryAsync(int count)
    {
        var cs = await DatabaseAsync(fresh: false);
        // A third each: lineage ids, decision ids, and a reply's Message-ID (the middle review act of a lineage, else a patch),
        // each spread evenly over the ledger's lineages in id order.
        var lineages = await ColumnAsync(cs, "select data->>'LineageId' from ledger.mt_doc_serieslineage where data->>'MergedInto' is null order by id");
        var decisions = await ColumnAsync(cs, "select id from ledger.mt_doc_decisionrationale order by id");
        var messages = await ColumnAsync(cs, """
            select coalesce(data->'Acts'->(jsonb_array_length(data->'Acts') / 2)->'Act'->>'MessageId', data->'Versions'->-1->'Patches'->-1->>'MessageId')
            from ledger.mt_doc_serieslineage where data->>'MergedInto' is null order by id
            """);
        var targets = Spread(lineages, count / 3).Concat(Spread(decisions, count / 3)).Concat(Spread(messages, count - 2 * (count / 3))).ToList();

        await using var store = LedgerStore.Open(cs);
        var asOf = new AsOf(null, null);
        var answered = new Dictionary<string, (string Lineage, string? Decision)>();
        var (warm, hits) = await TimeEachAsync(targets, async t =>
        {
            await using var session = store.QuerySession();
            var timeline = await HistoryQuery.RunAsync(session, t, asOf, default);
            answered[t] = (timeline.Lineage, timeline.DecisionId);
            return timeline.Entries.Count > 0;
        });

        // The floor of any answer built from whole documents: the lineage and its decision read by key, as text, in one round trip.
        var sql = await TimeSqlAsync(cs, targets, DocumentsByKey, t => [("a", "lineage:" + answered[t].Lineage), ("b", answered[t].Decision ?? "")]);
        var cold = await ColdAsync(targets, t => ["history", t, "--db", cs]);
        return EmitLatency("history", targets.Count, hits, warm, sql, cold);
    }

    // ---------------------------------------------------------------- changelog

    private static async Task<Dictionary<string, object?>> ChangelogAsync(int count)
    {
        var cs = await DatabaseAsync(fresh: false);
        // Every version N ≥ 2 of lineages with several versions, lineages spread evenly in id order.
        var pairs = (await ColumnAsync(cs, """
            select l.data->>'LineageId' || ' ' || v
            from ledger.mt_doc_serieslineage l,
                 lateral (select distinct (x->>'Version')::int v from jsonb_array_elements(l.data->'Versions') x) vs
            where l.data->>'MergedInto' is null and v >= 2
              and (select count(distinct x->>'Version') from jsonb_array_elements(l.data->'Versions') x) >= 2
            order by l.id, v
            """)).Select(p => p.Split(' ') is [var l, var v] ? (Lineage: l, Version: int.Parse(v, CultureInfo.InvariantCulture)) : throw new FormatException(p)).ToList();
        // More than asked for: every k-th lineage, still with all of its versions.
        var step = Math.Max(1, (pairs.Count + count - 1) / Math.Max(1, count));
        var targets = pairs.GroupBy(p => p.Lineage).Where((_, i) => i % step == 0).SelectMany(g => g).ToList();

        await using var store = LedgerStore.Open(cs);
        var asOf = new AsOf(null, null);
        var (warm, hits) = await TimeEachAsync(targets, async t =>
        {
            await using var session = store.QuerySession();
            var changes = await ChangelogQuery.RunAsync(session, t.Lineage, asOf, t.Version, null, default);
            return changes.Any(v => v.Changes.Count > 0);
        });

        var sql = await TimeSqlAsync(cs, targets, DocumentsByKey, t => [("a", "lineage:" + t.Lineage), ("b", DecisionIds.ForLineage(t.Lineage))]);
        var cold = await ColdAsync(targets, t => ["changelog", t.Lineage, "--version", t.Version.ToString(CultureInfo.InvariantCulture), "--db", cs]);
        return EmitLatency("changelog", targets.Count, hits, warm, sql, cold, ("lineages", targets.Select(t => t.Lineage).Distinct().Count()));
    }

    private const string DocumentsByKey =
        "select data::text from ledger.mt_doc_serieslineage where id = @a union all select data::text from ledger.mt_doc_decisionrationale where id = @b";

    // ---------------------------------------------------------------- timing

    /// <summary>The first targets once untimed (JIT, plans, pool), then each target once per round, in order; the five slowest named on stderr.</summary>
    private static async Task<(List<double> Warm, int Hits)> TimeEachAsync<T>(IReadOnlyList<T> targets, Func<T, Task<bool>> run)
    {
        foreach (var t in targets.Take(WarmUp)) await run(t);
        var warm = new List<double>(targets.Count * _rounds);
        var hits = 0;
        for (var round = 0; round < _rounds; round++)
            foreach (var t in targets)
            {
                var clock = Stopwatch.StartNew();
                if (await run(t) && round == 0) hits++;
                warm.Add(clock.Elapsed.TotalMilliseconds);
            }
        // The slowest targets by name, to stderr: where to look when p95 misses.
        foreach (var (ms, t) in warm.Zip(Enumerable.Repeat(targets, _rounds).SelectMany(x => x)).OrderByDescending(x => x.First).Take(5))
            Console.Error.WriteLine($"  slow: {ms,8:F1} ms  {t}");
        return (warm, hits);
    }

    /// <summary>One SQL statement per target on one open connection, reading every row; parameters @a, @b, ... in order.</summary>
    private static async Task<List<double>> TimeSqlAsync<T>(string cs, IReadOnlyList<T> targets, string sql, Func<T, (string Name, object Value)[]> parameters)
    {
        var times = new List<double>(targets.Count);
        await using var conn = await OpenAsync(cs);
        foreach (var t in targets)
        {
            var clock = Stopwatch.StartNew();
            await using var cmd = new NpgsqlCommand(sql, conn);
            foreach (var (name, value) in parameters(t)) cmd.Parameters.AddWithValue(name, value);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) for (var c = 0; c < reader.FieldCount; c++) reader.GetValue(c);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    /// <summary>A cold CLI invocation each: process start, store open, one query, exit; targets spread over the list.</summary>
    private static async Task<List<double>> ColdAsync<T>(IReadOnlyList<T> targets, Func<T, string[]> args)
    {
        var cold = new List<double>();
        foreach (var t in targets.Where((_, i) => i % Math.Max(1, targets.Count / ColdRuns) == 0).Take(ColdRuns))
            cold.Add((await RunLedgerAsync(args(t))).Wall.TotalMilliseconds);
        return cold;
    }

    private static Dictionary<string, object?> EmitLatency(string bench, int queries, int answered, List<double> warm, List<double> sql, List<double> cold,
        params (string Key, object? Value)[] extra)
    {
        var p95 = Percentile(warm, 0.95);
        var result = new Dictionary<string, object?>
        {
            ["bench"] = bench, ["size"] = _label, ["queries"] = queries, ["answered"] = answered, ["rounds"] = _rounds,
            ["p50_ms"] = Round(Percentile(warm, 0.50)), ["p95_ms"] = Round(p95), ["max_ms"] = Round(warm.Max()),
            ["limit_p95_ms"] = LatencyTargetMs, ["ratio"] = Round(LatencyTargetMs / p95),
            ["sql_p50_ms"] = Round(Percentile(sql, 0.50)), ["sql_p95_ms"] = Round(Percentile(sql, 0.95)),
            ["cold_cli_median_ms"] = Round(Percentile(cold, 0.5)),
            ["load_avg_1m"] = LoadAverage(),
        };
        foreach (var (k, v) in extra) result[k] = v;
        Emit(result);
        return result;
    }

    /// <summary>The 1-minute load average as the run ends: on a shared 2-core machine the figures mean little without it.</summary>
    private static double LoadAverage() =>
        File.Exists("/proc/loadavg") ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture) : double.NaN;

    private static async Task<List<string>> ColumnAsync(string cs, string sql)
    {
        var values = new List<string>();
        await using var conn = await OpenAsync(cs);
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            if (!reader.IsDBNull(0)) values.Add(reader.GetString(0));
        return values;
    }

    private static IEnumerable<T> Spread<T>(IReadOnlyList<T> items, int n)
    {
        if (items.Count == 0 || n <= 0) yield break;
        for (var i = 0; i < n; i++) yield return items[(int)((long)i * items.Count / n) % items.Count];
    }
}
