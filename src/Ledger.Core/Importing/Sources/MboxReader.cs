using System.Text;

namespace Ledger.Core.Importing.Sources;

/// One message cut out of an mbox: its bytes (From_ line stripped, ">From " un-escaped) and where it began.
internal sealed record MboxMessage(byte[] Bytes, long Offset);

/// Streaming mbox splitter (mboxrd, mboxo, mboxcl2). Holds one message at a time.
internal sealed class MboxReader(Stream stream)
{
    private const int MaxContentLength = 512 * 1024 * 1024;
    private static readonly byte[] From = "From "u8.ToArray();
    private readonly ByteReader _r = new(stream);
    private bool _started, _done, _nextHasFrom;
    private long _nextOffset;

    public async ValueTask<MboxMessage?> NextAsync(CancellationToken ct)
    {
        if (!_started) await StartAsync(ct);
        while (!_done)
        {
            bool hasFrom = _nextHasFrom;
            long offset = _nextOffset;
            var msg = new MemoryStream();
            long? contentLength = await ReadHeadersAsync(msg, ct);
            bool split = hasFrom && contentLength is { } n && await TryContentLengthAsync(msg, n, ct);
            if (!split) await ReadBodyLinesAsync(msg, stripTrailingBlank: hasFrom, ct);
            if (hasFrom) return new MboxMessage(msg.ToArray(), offset);
            // Text before the first From_ line: a message only if it starts with a header.
            if (LooksLikeHeaders(msg)) return new MboxMessage(msg.ToArray(), offset);
            if (_done && msg.Length > 0 && !IsBlankOnly(msg))
                throw new InvalidDataException("it has no From_ line and does not start with mail headers");
        }
        return null;
    }

    private async ValueTask StartAsync(CancellationToken ct)
    {
        _started = true;
        var first = await _r.PeekAsync(From.Length, ct);
        if (first.Length == 0) { _done = true; return; }
        if (first.Span.SequenceEqual(From))
        {
            await _r.ReadLineAsync(ct);
            _nextHasFrom = true;
        }
    }

    /// Copies header lines up to and including the blank line; returns a Content-Length value if present.
    private async ValueTask<long?> ReadHeadersAsync(MemoryStream msg, CancellationToken ct)
    {
        long? contentLength = null;
        while (true)
        {
            var line = await _r.ReadLineAsync(ct);
            if (line.Length == 0) { _done = true; return contentLength; }
            WriteUnescaped(msg, line.Span);
            if (IsBlank(line.Span)) return contentLength;
            if (line.Span.Length > 15 && Ascii.EqualsIgnoreCase(line.Span[..15], "Content-Length:"u8)
                && long.TryParse(Encoding.ASCII.GetString(line.Span[15..]).Trim(), out long n))
                contentLength = n;
        }
    }

    /// mboxcl2: honour Content-Length only when it ends exactly at EOF or at a "\nFrom " boundary.
    private async ValueTask<bool> TryContentLengthAsync(MemoryStream msg, long length, CancellationToken ct)
    {
        if (_done || length < 0 || length > MaxContentLength) return false;
        int n = (int)length;
        var peek = await _r.PeekAsync(n + 7, ct);
        if (peek.Length < n) return false;
        var s = peek.Span;
        var after = s[n..];
        int sep;
        if (after.IsEmpty || after.SequenceEqual("\n"u8)) sep = after.Length;
        else if (after.StartsWith("\nFrom "u8)) sep = 1;
        else if (after.StartsWith("\r\nFrom "u8)) sep = 2;
        else if (n > 0 && s[n - 1] == '\n' && after.StartsWith(From)) sep = 0;
        else return false;
        msg.Write(_r.Take(n).Span);
        _r.Take(sep);
        var fromLine = await _r.ReadLineAsync(ct);
        _nextOffset = _r.Position - fromLine.Length;
        _nextHasFrom = fromLine.Length > 0;
        _done = fromLine.Length == 0;
        return true;
    }

    private async ValueTask ReadBodyLinesAsync(MemoryStream msg, bool stripTrailingBlank, CancellationToken ct)
    {
        bool prevBlank = true;
        int lastLen = 0;
        while (true)
        {
            long lineStart = _r.Position;
            var line = await _r.ReadLineAsync(ct);
            if (line.Length == 0) { _done = true; break; }
            if (prevBlank && line.Span.StartsWith(From))
            {
                _nextOffset = lineStart;
                _nextHasFrom = true;
                break;
            }
            lastLen = WriteUnescaped(msg, line.Span);
            prevBlank = IsBlank(line.Span);
        }
        // The blank line before a From_ line (or EOF) is the mbox separator, not message content.
        if (stripTrailingBlank && prevBlank && lastLen > 0) msg.SetLength(msg.Length - lastLen);
    }

    /// mboxrd: a line matching ^>+From  loses one '>'.
    private static int WriteUnescaped(MemoryStream msg, ReadOnlySpan<byte> line)
    {
        int k = 0;
        while (k < line.Length && line[k] == '>') k++;
        if (k > 0 && line[k..].StartsWith(From)) line = line[1..];
        msg.Write(line);
        return line.Length;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.SequenceEqual("\n"u8) || line.SequenceEqual("\r\n"u8);

    private static bool IsBlankOnly(MemoryStream msg) =>
        msg.GetBuffer().AsSpan(0, (int)msg.Length).IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static bool LooksLikeHeaders(MemoryStream msg)
    {
        var s = msg.GetBuffer().AsSpan(0, (int)msg.Length);
        int colon = s.IndexOf((byte)':');
        if (colon <= 0) return false;
        foreach (byte b in s[..colon])
            if (b <= 32 || b >= 127) return false;
        return true;
    }
}
