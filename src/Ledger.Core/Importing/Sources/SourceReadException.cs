namespace Ledger.Core.Importing.Sources;

/// Thrown for an unreadable or truncated source (bad gzip, missing file, git failure, HTTP error).
/// The message is one clear sentence naming the source.
public sealed class SourceReadException(string message, Exception? inner = null) : Exception(message, inner);
