namespace Ledger.Synth;

/// <summary>
/// mboxrd as lore serves it: "From mboxrd@z Thu Jan  1 00:00:00 1970" separators, every body line matching
/// ^>*From  gets one more '>', each message followed by a blank line.
/// </summary>
public sealed class MboxWriter : IDisposable
{
    static readonly byte[] Separator = "From mboxrd@z Thu Jan  1 00:00:00 1970\n"u8.ToArray();
    readonly Stream stream;

    public MboxWriter(string path) => stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);

    public long Bytes { get; private set; }

    public void Write(byte[] raw)
    {
        stream.Write(Separator);
        Bytes += Separator.Length;
        int start = 0;
        while (start < raw.Length)
        {
            int nl = Array.IndexOf(raw, (byte)'\n', start);
            int end = nl < 0 ? raw.Length : nl + 1;
            if (NeedsQuote(raw, start, end)) { stream.WriteByte((byte)'>'); Bytes++; }
            stream.Write(raw, start, end - start);
            Bytes += end - start;
            start = end;
        }
        if (raw.Length == 0 || raw[^1] != '\n') { stream.WriteByte((byte)'\n'); Bytes++; }
        stream.WriteByte((byte)'\n');
        Bytes++;
    }

    static bool NeedsQuote(byte[] b, int start, int end)
    {
        int i = start;
        while (i < end && b[i] == '>') i++;
        return end - i >= 5 && b[i] == 'F' && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'm' && b[i + 4] == ' ';
    }

    public void Dispose() => stream.Dispose();
}
