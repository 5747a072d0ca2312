using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Importing;
using Ledger.Tests.Importing.Sources;

namespace Ledger.Tests.Importing;

/// <summary>
/// The importer reads a reply's headers only. That must change nothing it stores: same Message-ID, sender, date,
/// threading, list, hash and quarantine reason as a full read, and the same header row for a posting.
/// </summary>
public sealed class HeaderOnlyParsingTests
{
    public static TheoryData<string> Sources() =>
    [
        CorpusPaths.VfioThreadMbox,
        .. new[] { "mail", "fuzz" }.SelectMany(sub => Directory.GetFiles(Path.Combine(CorpusPaths.Patchwork, sub))).Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task reading_headers_only_gives_what_a_full_read_gives_but_the_body(string path)
    {
        await foreach (var raw in MailSources.Open(path, _ => null).ReadAsync())
        {
            var full = MailParser.Parse(raw.Bytes);
            var headersOnly = MailParser.Parse(raw.Bytes, withBody: _ => false);
            var asImported = MailParser.Parse(raw.Bytes, withBody: MailHeader.IsPosting);
            switch (full)
            {
                case MailReading.Rejected r:
                    Assert.Equal(r, headersOnly);
                    Assert.Equal(r, asImported);
                    break;
                case MailReading.Read { Mail: var m }:
                    var h = Assert.IsType<MailReading.Read>(headersOnly).Mail;
                    Assert.Equal("", h.Body);
                    Assert.Equal(m with { Body = "", References = [] }, h with { References = [] });
                    Assert.Equal(m.References, h.References);
                    var imported = Assert.IsType<MailReading.Read>(asImported).Mail;
                    var (a, b) = (MailHeader.Of(m), MailHeader.Of(imported));
                    Assert.Equal((a.Key, a.Posting, a.Title, a.FromAddress), (b.Key, b.Posting, b.Title, b.FromAddress));
                    Assert.Equal(a.Links, b.Links);
                    Assert.Equal(a.Features, b.Features);
                    break;
            }
        }
    }
}
