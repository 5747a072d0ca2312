using Ledger.Cli;
using Ledger.Core.Decisions;
using Ledger.Projections.Decisions;
using Ledger.Queries;
using Marten;

namespace Ledger.Changelog;

/// <summary>`ledger changelog`: the lineage and its decision as they stood, then one "Changes in vN" per version asked for.</summary>
public static class ChangelogQuery
{
    public static async Task<List<VersionChanges>> RunAsync(IQuerySession session, string spec, AsOf asOf, int? version, string? range, CancellationToken ct)
    {
        var lineage = LineageAsOf.Filter(await Lookup.LineageAsync(session, spec, ct), asOf);
        var decision = LineageAsOf.Filter(await session.LoadAsync<DecisionRationale>(DecisionIds.ForLineage(lineage.LineageId), ct), asOf);
        var available = lineage.Versions.Select(v => v.Version).Distinct().OrderBy(v => v).ToList();
        if (available.Count == 0) throw new UserError("the lineage has no version posted by that date");
        return Versions(version, range, available).Select(v => ChangelogBuilder.Build(lineage, decision, v)).ToList();
    }

    private static List<int> Versions(int? version, string? range, List<int> available)
    {
        if (version is { } n)
            return available.Contains(n) ? [n] : throw new UserError($"no v{n} in this lineage; it has {string.Join(", ", available.Select(v => "v" + v))}");
        if (range is null) return [available[^1]];
        var parts = range.Split("..");
        if (parts.Length != 2 || !int.TryParse(parts[0].TrimStart('v'), out var a) || !int.TryParse(parts[1].TrimStart('v'), out var b))
            throw new UserError($"--range '{range}' is not A..B");
        return available.Where(v => v > a && v <= b).ToList();
    }
}
