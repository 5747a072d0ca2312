using System.Text.Json;
using System.Text.RegularExpressions;
using Ledger.Cli;
using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Projections.Decisions;
using Ledger.Projections.Lineages;
using Marten;

namespace Ledger.Queries;

/// <summary>Resolves what a user typed (lineage id, Message-ID, lore URL, decision id) to a document, or a clear error with close matches.</summary>
public static partial class Lookup
{
    [GeneratedRegex(@"^https?://[^/]+/(?:[\w.-]+/)?(?:r/)?([^/\s]+@[^/\s]+?)/?(?:t\.mbox\.gz|T/|t/)?$")]
    private static partial Regex LoreUrl();

    public static string MessageIdOf(string spec)
    {
        var m = LoreUrl().Match(spec.Trim());
        return MessageIds.Strip(m.Success ? Uri.UnescapeDataString(m.Groups[1].Value) : spec);
    }

    public static bool LooksLikeMessageId(string spec) => spec.Contains('@') || LoreUrl().IsMatch(spec);

    public static async Task<SeriesLineage?> TryLineageAsync(IQuerySession session, string spec, CancellationToken ct)
    {
        var id = MessageIdOf(spec);
        var direct = await session.LoadAsync<SeriesLineage>("lineage:" + id, ct);
        if (direct is { MergedInto: null }) return direct;
        if (direct is { MergedInto: { Length: > 0 } into }) return await session.LoadAsync<SeriesLineage>("lineage:" + into, ct);
        var key = MessageIds.Key(id);
        // Compares against exactly the member the GIN index covers (LedgerProjections); LINQ's Contains would ask the
        // whole document.
        var holders = await session.QueryAsync<SeriesLineage>("where data -> 'MessageKeys' @> ?::jsonb", ct, JsonSerializer.Serialize(new[] { key }));
        return holders.FirstOrDefault(l => l.MergedInto is null);
    }

    public static async Task<SeriesLineage> LineageAsync(IQuerySession session, string spec, CancellationToken ct)
    {
        // Only the decision's lineage id: a long-lived decision's document is megabytes.
        if (spec.StartsWith("D-", StringComparison.Ordinal)
            && await session.Query<DecisionRationale>().Where(d => d.Id == spec).Select(d => d.LineageId!).FirstOrDefaultAsync(ct) is { } lid)
            spec = lid;
        return await TryLineageAsync(session, spec, ct) ?? throw new UserError($"no lineage or message '{spec}' in the ledger.{await SuggestAsync(session, spec, ct)}");
    }

    public static async Task<DecisionRationale?> TryDecisionAsync(IQuerySession session, string spec, CancellationToken ct)
    {
        if (spec.StartsWith("D-", StringComparison.Ordinal)) return await session.LoadAsync<DecisionRationale>(spec, ct);
        if (!LooksLikeMessageId(spec)) return null;
        var lineage = await TryLineageAsync(session, spec, ct);
        return lineage is null ? null : await session.LoadAsync<DecisionRationale>(DecisionIds.ForLineage(lineage.LineageId), ct);
    }

    /// <summary>Close matches: Message-IDs sharing the longest prefix, and lineage subjects sharing words.</summary>
    public static async Task<string> SuggestAsync(IQuerySession session, string spec, CancellationToken ct)
    {
        var key = MessageIds.Key(MessageIdOf(spec));
        var prefix = key.Length > 8 ? key[..Math.Max(6, key.Length / 2)] : key;
        var lineages = await session.Query<SeriesLineage>().Where(l => l.MergedInto == null).ToListAsync(ct);
        var byId = lineages.SelectMany(l => l.MessageKeys).Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Take(3);
        var words = Core.Text.Words.Tokens(spec).ToHashSet();
        var bySubject = lineages.Where(l => words.Count > 0 && Core.Text.Words.Tokens(l.Subject).Count(words.Contains) >= Math.Min(2, words.Count))
            .Take(3).Select(l => $"{l.LineageId} ({l.Subject})");
        var all = byId.Concat(bySubject).ToList();
        return all.Count == 0 ? "" : " Did you mean: " + string.Join("; ", all) + "?";
    }
}
