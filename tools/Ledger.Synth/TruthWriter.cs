using System.Text.Encodings.Web;
using System.Text.Json;

namespace Ledger.Synth;

/// <summary>Streams ground-truth facts as JSON Lines.</summary>
public sealed class TruthWriter : IDisposable
{
    readonly Stream stream;
    readonly Utf8JsonWriter json;

    public TruthWriter(string path)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public long Facts { get; private set; }

    public void Write(TruthFact fact)
    {
        fact.WriteTo(json);
        json.Flush();
        json.Reset();
        stream.WriteByte((byte)'\n');
        Facts++;
    }

    public void Dispose()
    {
        json.Dispose();
        stream.Dispose();
    }
}
