using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// An mbox file (mboxrd, mboxo or mboxcl2), plain or gzip-compressed.
public sealed class MboxSource(string path) : IMailSource
{
    public string Name => path;

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException($"Could not open mbox {path}: {e.Message}", e);
        }
        await foreach (var mail in MboxSplitter.ReadAsync(file, path, Path.GetFileName(path), ct))
            yield return mail;
    }
}
