using System.Buffers.Binary;
using System.IO.Compression;

namespace Ledger.Core.Importing.Sources;

/// GZipStream that notices truncation: .NET's GZipStream silently ends early on a cut-off file,
/// so at end of data we compare the trailer (CRC-32 + size) with what was actually inflated.
internal sealed class CheckedGzipStream(PeekedStream raw) : Stream
{
    private readonly GZipStream _gz = new(raw, CompressionMode.Decompress);
    private uint _crc;
    private long _count;
    private bool _verified;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Account(buffer, _gz.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        int n = await _gz.ReadAsync(buffer, ct);
        return Account(buffer.Span, n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private int Account(Span<byte> buffer, int n)
    {
        if (n > 0)
        {
            _crc = Crc32.Append(_crc, buffer[..n]);
            _count += n;
        }
        else if (!_verified)
        {
            _verified = true;
            Verify();
        }
        return n;
    }

    private void Verify()
    {
        var tail = raw.Tail();
        if (raw.TotalRead < 18 || tail.Length < 8) throw new InvalidDataException("gzip data is truncated");
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(tail);
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(4));
        if (crc == _crc && size == (uint)_count) return;
        // Multi-member gzip: the trailer only describes the last member, which must be shorter than the whole.
        if (size < _count) return;
        throw new InvalidDataException("gzip data is truncated or corrupt");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gz.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
