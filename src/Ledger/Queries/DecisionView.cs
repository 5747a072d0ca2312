using Ledger.Core.Archive;
using Ledger.Core.Decisions;
using Ledger.Core.Text;
using Ledger.Projections.Decisions;

namespace Ledger.Queries;

public sealed record HistoryLine(DateTimeOffset Date, string Person, string? MessageId, int? Version, string Kind, string Summary, string? Link, string Source, string Rule);

/// <summary>A decision as it stood at a point in time: a pure filter over the projected document.</summary>
public sealed record DecisionView(
    string Id, string Title, string Status, string[] Scope, string Rationale, string? RationaleMessageId, int? RationaleVersion,
    IReadOnlyList<RationaleBlock> RationaleBlocks, IReadOnlyList<HistoryLine> History, IReadOnlyList<HistoryLine> Policy, string? LineageId)
{
    private static readonly HashSet<string> PolicyKinds = ["direction", "objection", "trailer-withdrawn"];

    public static DecisionView? Of(DecisionRationale doc, AsOf asOf, string? topic = null)
    {
        var history = doc.History.Concat(doc.Curated)
            .Where(h => asOf.Includes(h.Date, h.Version) && (h.MessageId is null || !doc.Unlinked.Contains(h.MessageId) || h.Source == "curated"))
            .OrderBy(h => h.Date).ThenBy(h => h.Version)
            .Select(h => new HistoryLine(h.Date, h.Person, h.MessageId, h.Version, h.Kind, h.Summary, h.MessageId is null ? null : MessageIds.LoreLink(h.MessageId), h.Source, h.Rule))
            .ToList();
        if (history.Count == 0) return null;
        var status = doc.Statuses.Where(s => asOf.Includes(s.Date)).OrderBy(s => s.Date).ThenBy(s => s.Source == "curated").LastOrDefault()?.Status ?? "proposed";
        var revision = doc.Revisions.Where(r => asOf.Includes(r.Date, r.Version)).OrderBy(r => r.Version).ThenBy(r => r.Date).LastOrDefault();
        var curated = doc.CuratedRationales.Where(c => asOf.Includes(c.At)).LastOrDefault();
        // The version's own words first; text carried over from an earlier posting of a patch the archive lacks after it.
        var blocks = revision is null ? [] : Relevant(revision.Blocks, topic).OrderBy(b => b.Label.Contains("as last posted", StringComparison.Ordinal)).ToList();
        var rationale = curated is not null && (revision is null || curated.At >= revision.Date)
            ? curated.Text
            : string.Join("\n\n", blocks.Select(b => $"[{b.Label}]\n{b.Text}"));
        var terms = topic is null ? [] : Words.Tokens(topic);
        var policy = topic is null ? [] : history.Where(h => PolicyKinds.Contains(h.Kind) && Mentions(h.Summary, topic, terms)).ToList();
        return new DecisionView(doc.Id, doc.CuratedTitle ?? doc.Title, status, doc.Scope, rationale,
            blocks.FirstOrDefault()?.PatchMessageId ?? revision?.MessageId, revision?.Version, blocks, history, policy, doc.LineageId);
    }

    /// <summary>
    /// The blocks that speak to the topic, plus those that share a symbol with them (the comment that sets the flag the
    /// commit message talks about). Without a topic, or when nothing matches, every block.
    /// </summary>
    public static IReadOnlyList<RationaleBlock> Relevant(RationaleBlock[] blocks, string? topic)
    {
        if (topic is null) return blocks;
        var terms = Words.Tokens(topic);
        var matched = blocks.Where(b => Mentions(b.Text, topic, terms)).ToList();
        if (matched.Count == 0) return blocks;
        var symbols = matched.SelectMany(b => Symbols(b.Text)).ToHashSet();
        return blocks.Where(b => matched.Contains(b) || Symbols(b.Text).Any(symbols.Contains)).ToList();
    }

    public static bool Mentions(string text, string topic) => Mentions(text, topic, Words.Tokens(topic));

    /// <summary>
    /// The topic itself, or all its words, occur in the text. Tokens are lower-cased ASCII words, so a term missing as a
    /// case-insensitive substring cannot be a word of the text: most texts are rejected without being tokenised.
    /// </summary>
    public static bool Mentions(string text, string topic, IReadOnlyList<string> terms)
    {
        if (terms.Count == 0) return false;
        if (text.Contains(topic, StringComparison.OrdinalIgnoreCase)) return true;
        if (!terms.All(t => text.Contains(t, StringComparison.OrdinalIgnoreCase))) return false;
        var words = Words.Tokens(text).ToHashSet();
        return terms.All(words.Contains);
    }

    private static IEnumerable<string> Symbols(string text) =>
        Words.Tokens(text).Where(t => t.Contains('_') && t.Length > 6);
}
