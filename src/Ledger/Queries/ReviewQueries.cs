using Ledger.Core.Text;
using Ledger.Projections.Lineages;
using Marten;

namespace Ledger.Queries;

// The JSON shapes other tools rely on (series, acts, trailers). Field names are a contract: keep them.

public sealed record SeriesJson(string Lineage, string Subject, string Author, IReadOnlyList<VersionJson> Versions);
public sealed record VersionJson(int Version, string? Cover, DateTimeOffset Date, IReadOnlyList<PatchJson> Patches, string LinkedBy, double LinkScore);
public sealed record PatchJson(int Index, int Total, string MessageId, string Subject);

public sealed record ActJson(string MessageId, string Author, DateTimeOffset Date, int Version, string Type, string TargetMessageId,
    string QuotedContext, string? ProposedText, ResolutionJson Resolution, string Text, string Rule, double Confidence);
public sealed record ResolutionJson(string Status, string? EvidenceMessageId, double Score, string? Reason, IReadOnlyList<Core.Review.Acts.Adoption>? AdoptedIn = null);

public sealed record PatchTrailersJson(string MessageId, string Subject, int Version, IReadOnlyList<TrailerJson> Trailers);
public sealed record TrailerJson(string Name, string Value, string? GivenIn, bool Conditional, bool Withdrawn, bool SenderMismatch, string Source);

public static class ReviewQueries
{
    public static async Task<List<SeriesJson>> SeriesAsync(IQuerySession session, string? query, AsOf asOf, CancellationToken ct)
    {
        // Only what a listing shows: the acts, trailers and applies are most of a lineage document.
        var lineages = await session.Query<SeriesLineage>().Where(l => l.MergedInto == null)
            .Select(l => new SeriesLineage { Id = l.Id, LineageId = l.LineageId, Versions = l.Versions, MessageKeys = l.MessageKeys })
            .ToListAsync(ct);
        var terms = query is null ? [] : Words.Tokens(query);
        return lineages
            .Where(l => terms.Count == 0 || l.Versions.Any(v => terms.All(Words.Tokens(v.Subject + " " + v.Author + " " + v.AuthorAddress).Contains))
                || (query is not null && l.MessageKeys.Contains(query.Trim('<', '>').ToLowerInvariant())))
            .Select(l => Series(l, asOf)).Where(s => s.Versions.Count > 0)
            .OrderBy(s => s.Versions[0].Date).ToList();
    }

    public static SeriesJson Series(SeriesLineage l, AsOf asOf) => new(l.LineageId, l.Subject, l.Author,
        l.Versions.Where(v => asOf.Includes(v.Date, v.Version)).Select(v => new VersionJson(v.Version, v.CoverMessageId, v.Date,
            v.Patches.Select(p => new PatchJson(p.Index, p.Total, p.MessageId, p.Subject)).ToList(), v.Provenance.Rule, v.Provenance.Confidence)).ToList());

    public static List<ActJson> Acts(SeriesLineage l, AsOf asOf) => l.Acts
        .Where(a => asOf.Includes(a.Act.Date, a.Act.Version))
        .Select(a => new ActJson(a.Act.MessageId, a.Act.Author, a.Act.Date, a.Act.Version, a.Act.Type, a.Act.TargetMessageId, a.Act.QuotedContext,
            a.Act.ProposedText, Resolution(a, asOf), a.Act.Text, a.Act.Provenance.Rule, a.Act.Provenance.Confidence))
        .ToList();

    /// <summary>A resolution found in a later version is not known before that version was posted.</summary>
    private static ResolutionJson Resolution(ActEntry a, AsOf asOf)
    {
        if (a.Resolution is null) return new("open", null, 0, null);
        var later = asOf.Version is { } v && a.Resolution.Status is "addressed" or "not-addressed" && v <= a.Act.Version;
        return later ? new("open", null, 0, "as of that version, no later version yet")
            : new(a.Resolution.Status, a.Resolution.EvidenceMessageId, a.Resolution.Score, a.Resolution.Reason, a.Resolution.AdoptedIn);
    }

    /// <summary>Per patch of version N: what the next version should carry — its own trailers plus those given in review.</summary>
    public static List<PatchTrailersJson> Trailers(SeriesLineage l, int? version, AsOf asOf)
    {
        var v = version is null ? l.Versions.Where(x => asOf.Includes(x.Date)).LastOrDefault() : l.Versions.LastOrDefault(x => x.Version == version);
        if (v is null) return [];
        return v.Patches.Select(p =>
        {
            // A withdrawal takes back what was given before it; a version posted later carries trailers given anew.
            var withdrawn = l.Withdrawals.Where(w => w.Date >= v.Date && asOf.Includes(w.Date)).ToList();
            var own = p.Trailers.Select(t => new TrailerJson(t.Name, t.Value, null, false,
                withdrawn.Any(w => w.Name == t.Name && (Same(w.SenderAddress, t.Address) || t.Value.Contains(w.Sender, StringComparison.OrdinalIgnoreCase))), false, "patch"));
            var given = l.Trailers.Where(t => t.PatchMessageId == p.MessageId && asOf.Includes(t.Date))
                .Select(t => new TrailerJson(t.Name, t.Value, t.GivenIn, t.Conditional, t.Withdrawn, t.SenderMismatch, "review"));
            return new PatchTrailersJson(p.MessageId, p.Subject, v.Version, own.Concat(given).ToList());
        }).ToList();
    }

    private static bool Same(string a, string? b) => b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
