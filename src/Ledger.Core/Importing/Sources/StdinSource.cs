using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// Standard input ("-"), read as an mbox; text without a From_ line that starts with headers is one message.
/// The stream can be supplied so a caller (or a test) can pipe something other than the console.
public sealed class StdinSource(Stream? input = null) : IMailSource
{
    public string Name => "stdin";

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var stream = input ?? Console.OpenStandardInput();
        await foreach (var mail in MboxSplitter.ReadAsync(stream, Name, Name, ct))
            yield return mail;
    }
}
