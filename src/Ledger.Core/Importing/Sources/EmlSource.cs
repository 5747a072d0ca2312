using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// A single .eml file: one message. A leading From_ line (as git format-patch writes) is dropped.
public sealed class EmlSource(string path) : IMailSource
{
    public string Name => path;

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException($"Could not read message file {path}: {e.Message}", e);
        }
        yield return new RawMail(StripFromLine(bytes), path, Path.GetFileName(path));
    }

    internal static byte[] StripFromLine(byte[] bytes)
    {
        if (!bytes.AsSpan().StartsWith("From "u8)) return bytes;
        int nl = bytes.AsSpan().IndexOf((byte)'\n');
        return nl < 0 ? [] : bytes[(nl + 1)..];
    }
}
