namespace Ledger.Core.Importing.Sources;

/// Read-only wrapper that replays bytes already peeked from a non-seekable stream (stdin, HTTP)
/// and remembers the last 8 bytes read, which is where a gzip trailer sits.
internal sealed class PeekedStream(byte[] prefix, Stream inner) : Stream
{
    private int _prefixPos;
    private readonly byte[] _tail = new byte[8];

    public long TotalRead { get; private set; }

    /// The last min(8, TotalRead) bytes read, oldest first.
    public byte[] Tail()
    {
        int n = (int)Math.Min(8, TotalRead);
        var r = new byte[n];
        for (int i = 0; i < n; i++) r[i] = _tail[(TotalRead - n + i) % 8];
        return r;
    }

    public static async Task<(PeekedStream Stream, byte[] Head)> OpenAsync(Stream inner, int count, CancellationToken ct)
    {
        var head = new byte[count];
        int got = 0;
        while (got < count)
        {
            int n = await inner.ReadAsync(head.AsMemory(got), ct);
            if (n == 0) break;
            got += n;
        }
        Array.Resize(ref head, got);
        return (new PeekedStream(head, inner), head);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = _prefixPos < prefix.Length ? CopyPrefix(buffer) : inner.Read(buffer);
        return Track(buffer[..n]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        int n = _prefixPos < prefix.Length ? CopyPrefix(buffer.Span) : await inner.ReadAsync(buffer, ct);
        return Track(buffer.Span[..n]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int CopyPrefix(Span<byte> buffer)
    {
        int n = Math.Min(buffer.Length, prefix.Length - _prefixPos);
        prefix.AsSpan(_prefixPos, n).CopyTo(buffer);
        _prefixPos += n;
        return n;
    }

    private int Track(ReadOnlySpan<byte> read)
    {
        var keep = read.Length > 8 ? read[^8..] : read;
        TotalRead += read.Length - keep.Length;
        foreach (byte b in keep)
        {
            _tail[TotalRead % 8] = b;
            TotalRead++;
        }
        return read.Length;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => TotalRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
