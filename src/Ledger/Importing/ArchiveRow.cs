using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Marten;

namespace Ledger.Importing;

/// <summary>
/// One delivered message made ready to write: parsed, its raw mail compressed, its event serialized and its header row
/// built. That is the CPU work, done on every core before the single writer sees the row, so the writer only streams
/// bytes into COPY. Whether the message is new or a copy is decided by the writer, which alone knows what is stored.
/// The row keeps what writing needs and no more (not the raw bytes, not the body): rows wait in queues.
/// </summary>
public sealed record ArchiveRow(
    string Stream, bool Quarantined, string MessageId, string Sha256, string? ListId,
    Type EventType, string Json, MailHeader? Header,
    string Source, string Position, SourceCheckpoint? Checkpoint)
{
    public static ArchiveRow Prepare(RawMail raw, ISerializer serializer)
    {
        // Bodies are read only for postings: nothing stored at import needs a reply's body (understanding reads it from
        // the raw mail later), and MIME decoding of the body is much of what parsing costs.
        switch (MailParser.Parse(raw.Bytes, withBody: MailHeader.IsPosting))
        {
            case MailReading.Read { Mail: var m }:
                var archived = new MessageArchived(
                    m.MessageId, m.SyntheticId, m.Date, m.FromName, m.FromAddress, m.Subject, m.InReplyTo, m.References.ToArray(),
                    m.ListId, m.Sha256, RawCompression.Compress(raw.Bytes), raw.Source, raw.Position);
                return new ArchiveRow(MessageIds.StreamKey(m.MessageId), false, m.MessageId, m.Sha256, m.ListId,
                    typeof(MessageArchived), serializer.ToJson(archived), MailHeader.Of(m), raw.Source, raw.Position, raw.Checkpoint);
            case MailReading.Rejected r:
                var quarantined = new MessageQuarantined(r.Sha256, r.Reason, raw.Source, raw.Position, RawCompression.Compress(raw.Bytes));
                return new ArchiveRow("quarantine:" + r.Sha256, true, "", r.Sha256, null,
                    typeof(MessageQuarantined), serializer.ToJson(quarantined), null, raw.Source, raw.Position, raw.Checkpoint);
            default:
                throw new ArgumentOutOfRangeException(nameof(raw));
        }
    }
}
