using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// Splits any stream holding an mbox (plain or gzip, detected by magic bytes) into raw mails.
/// Shared by file, stdin and lore URL sources; reads in bounded memory (one message at a time).
public static class MboxSplitter
{
    /// <param name="source">Name put in RawMail.Source and in error messages.</param>
    /// <param name="label">Short name used in positions, e.g. "thread.mbox" gives "thread.mbox:#17 (byte 12345)".</param>
    public static async IAsyncEnumerable<RawMail> ReadAsync(
        Stream stream, string source, string label, [EnumeratorCancellation] CancellationToken ct = default)
    {
        Stream content;
        try
        {
            var (peeked, head) = await PeekedStream.OpenAsync(stream, 2, ct);
            content = head is [0x1f, 0x8b] ? new CheckedGzipStream(peeked) : peeked;
        }
        catch (IOException e)
        {
            throw new SourceReadException($"Could not read {source}: {e.Message}", e);
        }

        await using var _ = content;
        var reader = new MboxReader(content);
        int index = 0;
        while (true)
        {
            MboxMessage? m;
            try
            {
                m = await reader.NextAsync(ct);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or HttpRequestException)
            {
                throw new SourceReadException(
                    $"Could not read {source} after {index} message(s): {e.Message.TrimEnd('.')}.", e);
            }
            if (m is null) yield break;
            index++;
            yield return new RawMail(m.Bytes, source, $"{label}:#{index} (byte {m.Offset})");
        }
    }
}
