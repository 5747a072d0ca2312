using Ledger.Core.Review;

namespace Ledger.Projections.Lineages;

/// <summary>Read model of one lineage: its versions, the review acts and their resolutions, trailers, applies.</summary>
public sealed class SeriesLineage
{
    public string Id { get; set; } = "";
    public string LineageId { get; set; } = "";
    public string Digest { get; set; } = "";
    public string? MergedInto { get; set; }
    public List<VersionEntry> Versions { get; set; } = [];
    public List<ActEntry> Acts { get; set; } = [];
    public List<TrailerGiven> Trailers { get; set; } = [];
    public List<SeriesApplied> Applied { get; set; } = [];
    public List<TrailerWithdrawn> Withdrawals { get; set; } = [];
    /// <summary>Every message of the lineage (postings and replies), lower-cased, for lookups by Message-ID.</summary>
    public string[] MessageKeys { get; set; } = [];

    // Acts by id, so resolving stays linear on lineages with thousands of acts; rebuilt from Acts after loading.
    private Dictionary<string, ActEntry>? _acts;

    private Dictionary<string, ActEntry> ActsById()
    {
        if (_acts is null)
        {
            _acts = [];
            foreach (var a in Acts) _acts.TryAdd(a.Act.ActId, a);
        }
        return _acts;
    }

    public string Subject => Versions.Count == 0 ? "" : Versions[^1].Subject;
    public string Author => Versions.Count == 0 ? "" : Versions[^1].Author;

    /// <summary>The pure fold both the Marten projection and `ledger verify` use.</summary>
    public SeriesLineage When(object e)
    {
        switch (e)
        {
            case LineageInterpreted i:
                LineageId = i.LineageId; Digest = i.Digest; MergedInto = null; MessageKeys = i.MessageKeys;
                Versions = []; Acts = []; Trailers = []; Applied = []; Withdrawals = []; _acts = null;
                break;
            case LineageMerged m: MergedInto = m.IntoLineageId; Versions = []; Acts = []; Trailers = []; Applied = []; Withdrawals = []; MessageKeys = []; _acts = null; break;
            case SeriesVersionPosted v: Versions.Add(new VersionEntry(v.Version, v.CoverMessageId, v.Patches, v.Subject, v.Author, v.AuthorAddress, v.Date, v.LinkedFrom, v.Provenance)); break;
            case ReviewActDetected a:
                var entry = new ActEntry { Act = a };
                Acts.Add(entry);
                ActsById().TryAdd(a.ActId, entry);
                break;
            case ReviewActResolved r:
                if (ActsById().TryGetValue(r.ActId, out var act)) act.Resolution = r;
                break;
            case TrailerGiven t: Trailers.Add(t); break;
            case SeriesApplied s: Applied.Add(s); break;
            case TrailerWithdrawn w: Withdrawals.Add(w); break;
        }
        return this;
    }
}

public sealed record VersionEntry(int Version, string? CoverMessageId, PatchRef[] Patches, string Subject, string Author, string AuthorAddress, DateTimeOffset Date, string? LinkedFrom, Provenance Provenance);

public sealed class ActEntry
{
    public ReviewActDetected Act { get; set; } = null!;
    public ReviewActResolved? Resolution { get; set; }
}
