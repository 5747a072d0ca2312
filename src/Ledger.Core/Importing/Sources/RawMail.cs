namespace Ledger.Core.Importing.Sources;

/// One message as delivered, before any parsing. Position says where in the source it sits
/// (e.g. "thread.mbox:#17 (byte 12345)", "git/0.git@&lt;sha&gt;", "cur/&lt;file&gt;").
public sealed record RawMail(byte[] Bytes, string Source, string Position, SourceCheckpoint? Checkpoint = null);
