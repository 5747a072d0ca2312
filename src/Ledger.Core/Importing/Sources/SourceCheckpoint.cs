namespace Ledger.Core.Importing.Sources;

/// For incremental sources (git epochs): after this mail is stored, the epoch identified by Key has been read up to Commit.
public sealed record SourceCheckpoint(string Key, string Commit);
