namespace Ledger.Core.Review.Series;

/// <summary>Every version of the same work, v1..vN, however many threads and subject rewordings it took.</summary>
public sealed class Lineage(List<SeriesVersion> versions, Dictionary<string, (string Rule, double Score)> links)
{
    public List<SeriesVersion> Versions { get; } = versions.OrderBy(v => v.Version).ThenBy(v => v.Date).ToList();
    /// <summary>The id is the first message of the earliest version: stable until an earlier version turns up (then a LineageMerged).</summary>
    public string Id => Versions.OrderBy(v => v.Version).ThenBy(v => v.Date).First().Id;
    public SeriesVersion Latest => Versions[^1];
    public string AuthorAddress => Latest.AuthorAddress;
    /// <summary>Why each version joined the lineage (rule and score), keyed by version id.</summary>
    public Dictionary<string, (string Rule, double Score)> Links { get; } = links;

    public SeriesVersion? Next(SeriesVersion v) => Versions.Where(x => x.Version > v.Version).OrderBy(x => x.Version).ThenBy(x => x.Date).FirstOrDefault();
    public SeriesVersion? Previous(SeriesVersion v) => Versions.Where(x => x.Version < v.Version).OrderByDescending(x => x.Version).ThenByDescending(x => x.Date).FirstOrDefault();
}
