namespace Ledger.Core.Archive;

// Facts about what a list delivered. They never change once appended; every interpretation is re-derived from them.

/// <summary>A message arrived for the first time. Stream: "msg:{key}" where key is the lower-cased Message-ID.</summary>
public sealed record MessageArchived(
    string MessageId,
    bool SyntheticId,
    DateTimeOffset Date,
    string FromName,
    string FromAddress,
    string Subject,
    string? InReplyTo,
    string[] References,
    string? ListId,
    string Sha256,
    byte[] RawGz,
    string Source,
    string Position);

/// <summary>Another copy of an archived message arrived (a second list, a second archive): counted, not stored again.</summary>
public sealed record MessageCopyReceived(string MessageId, string Sha256, string? ListId, string Source, string Position);

/// <summary>A message that could not be read as mail. Stream: "quarantine:{sha256}". Raw bytes kept so nothing is lost.</summary>
public sealed record MessageQuarantined(string Sha256, string Reason, string Source, string Position, byte[] RawGz);
