namespace Ledger.Core.Importing.Sources;

/// Buffered byte-level reader shared by the mbox splitter and the git cat-file reader.
/// Returned slices are only valid until the next call.
internal sealed class ByteReader(Stream stream, int initialSize = 64 * 1024)
{
    private byte[] _buf = new byte[initialSize];
    private int _start, _end;
    private bool _eof;

    /// Bytes consumed so far.
    public long Position { get; private set; }

    public int Buffered => _end - _start;

    /// Next line including its '\n' (the last line may lack one); empty only at end of stream.
    public async ValueTask<ReadOnlyMemory<byte>> ReadLineAsync(CancellationToken ct)
    {
        int scanned = 0;
        while (true)
        {
            int i = _buf.AsSpan(_start + scanned, _end - _start - scanned).IndexOf((byte)'\n');
            if (i >= 0) return Take(scanned + i + 1);
            scanned = _end - _start;
            if (!await FillAsync(ct)) return Take(_end - _start);
        }
    }

    /// Buffers up to n bytes without consuming them; shorter only at end of stream.
    public async ValueTask<ReadOnlyMemory<byte>> PeekAsync(int n, CancellationToken ct)
    {
        while (_end - _start < n && await FillAsync(ct)) { }
        return _buf.AsMemory(_start, Math.Min(n, _end - _start));
    }

    /// Consumes n already-buffered bytes.
    public ReadOnlyMemory<byte> Take(int n)
    {
        if (n > _end - _start) throw new ArgumentOutOfRangeException(nameof(n));
        var m = _buf.AsMemory(_start, n);
        _start += n;
        Position += n;
        return m;
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_eof) return false;
        if (_start == _end) _start = _end = 0;
        if (_end == _buf.Length)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }
            else Array.Resize(ref _buf, _buf.Length * 2);
        }
        int read = await stream.ReadAsync(_buf.AsMemory(_end), ct);
        if (read == 0) { _eof = true; return false; }
        _end += read;
        return true;
    }
}
