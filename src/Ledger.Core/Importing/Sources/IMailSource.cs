namespace Ledger.Core.Importing.Sources;

/// A readable origin of raw messages (mbox, Maildir, public-inbox epoch, lore URL, ...).
public interface IMailSource
{
    string Name { get; }

    IAsyncEnumerable<RawMail> ReadAsync(CancellationToken ct = default);
}
