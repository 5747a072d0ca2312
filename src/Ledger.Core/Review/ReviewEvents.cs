namespace Ledger.Core.Review;

// Interpretations: what Ledger read into the archived mail. They live in one stream per lineage ("lineage:{id}")
// and are replaced as a whole by a newer interpretation (LineageInterpreted opens the new set).

public interface ILineageEvent { string LineageId { get; } }

/// <summary>A fresh interpretation of this lineage starts here; everything derived before it is superseded.</summary>
public sealed record LineageInterpreted(string LineageId, string ExtractorVersion, string Digest, string[] MessageKeys) : ILineageEvent;

/// <summary>An earlier version turned up late: this lineage's history now continues in another one.</summary>
public sealed record LineageMerged(string LineageId, string IntoLineageId) : ILineageEvent;

public sealed record PatchRef(int Index, int Total, string MessageId, string Subject, string Title, string[] Files, string? PatchId, string? CodeId, OwnTrailer[] Trailers);

/// <summary>A trailer the patch itself carries, in the author's order.</summary>
public sealed record OwnTrailer(string Name, string Value, string? Address);

public sealed record SeriesVersionPosted(
    string LineageId, int Version, string? CoverMessageId, PatchRef[] Patches, string Subject, string Author,
    string AuthorAddress, DateTimeOffset Date, string? LinkedFrom, Provenance Provenance) : ILineageEvent;

public sealed record ReviewActDetected(
    string LineageId, string ActId, string MessageId, string Author, string AuthorAddress, DateTimeOffset Date, int Version,
    string Type, string TargetMessageId, string QuotedContext, string Text, string? ProposedText, Provenance Provenance) : ILineageEvent;

public sealed record ReviewActResolved(
    string LineageId, string ActId, string Status, string? EvidenceMessageId, double Score, string Reason, Acts.Adoption[] AdoptedIn, Provenance Provenance) : ILineageEvent;

public sealed record TrailerGiven(
    string LineageId, int Version, string PatchMessageId, string Name, string Value, string GivenIn, string Sender,
    DateTimeOffset Date, bool Conditional, bool Withdrawn, bool SenderMismatch, bool CarriedInNextVersion, Provenance Provenance) : ILineageEvent;

/// <summary>Someone withdrew a trailer they had given (e.g. "I'm withdrawing my Ack"): it must not be carried any more.</summary>
public sealed record TrailerWithdrawn(string LineageId, int Version, string Name, string Sender, string SenderAddress, string MessageId, DateTimeOffset Date, Provenance Provenance) : ILineageEvent;

public sealed record SeriesApplied(
    string LineageId, int Version, string MessageId, string By, DateTimeOffset Date, string? Tree, string[] Commits, Provenance Provenance) : ILineageEvent;
