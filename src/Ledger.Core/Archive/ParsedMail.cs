namespace Ledger.Core.Archive;

/// <summary>A message read from raw bytes: the threading headers and the decoded text the extractors work on.</summary>
public sealed record ParsedMail(
    string MessageId,
    bool SyntheticId,
    DateTimeOffset Date,
    string FromName,
    string FromAddress,
    string Subject,
    string? InReplyTo,
    IReadOnlyList<string> References,
    string? ListId,
    string Body,
    string Sha256);

/// <summary>Either a readable message or the reason it is quarantined.</summary>
public abstract record MailReading
{
    public sealed record Read(ParsedMail Mail) : MailReading;
    public sealed record Rejected(string Reason, string Sha256) : MailReading;
}
