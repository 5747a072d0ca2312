using System.IO.Compression;

namespace Ledger.Core.Archive;

/// <summary>Raw bytes are kept compressed inside the archived fact so every later interpretation can be re-derived.</summary>
public static class RawCompression
{
    public static byte[] Compress(ReadOnlySpan<byte> raw)
    {
        using var output = new MemoryStream(raw.Length / 3 + 64);
        using (var gz = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(raw);
        return output.ToArray();
    }

    public static byte[] Decompress(byte[] gz)
    {
        using var input = new MemoryStream(gz);
        using var unzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(gz.Length * 3);
        unzip.CopyTo(output);
        return output.ToArray();
    }
}
