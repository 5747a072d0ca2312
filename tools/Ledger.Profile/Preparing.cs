using System.Globalization;
using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Database;
using Ledger.Importing;
using Marten;

namespace Ledger.Profile;

/// <summary>
/// The importer's per-message work (<see cref="ArchiveRow.Prepare"/>) one step at a time, single-threaded: where the
/// client's CPU goes before the writer sees a row. The sum is checked against Prepare itself on the same mail.
/// </summary>
public static class Preparing
{
    public static string Run(List<byte[]> raw)
    {
        var t = new Stages.Timer();
        // Marten's own serializer, as the importer uses it; no database is touched.
        using var store = LedgerStore.Open("Host=localhost");
        var serializer = store.Options.Serializer();
        var readings = t.Time("parse (header-only replies)", () => raw.Select(r => MailParser.Parse(r, withBody: MailHeader.IsPosting)).ToList());
        var compressed = t.Time("compress raw", () => raw.Select(r => RawCompression.Compress(r)).ToList());
        var archived = t.Time("event", () => readings.Zip(compressed).Select(x => x.First is MailReading.Read { Mail: var m }
            ? new MessageArchived(m.MessageId, m.SyntheticId, m.Date, m.FromName, m.FromAddress, m.Subject, m.InReplyTo, m.References.ToArray(),
                m.ListId, m.Sha256, x.Second, "profile", "0")
            : null).ToList());
        t.Time("event json", () => archived.OfType<MessageArchived>().Select(serializer.ToJson).ToList());
        t.Time("header row", () => readings.OfType<MailReading.Read>().Select(r => MailHeader.Of(r.Mail)).ToList());

        var cpu = Stages.ThreadCpuMs();
        foreach (var r in raw) ArchiveRow.Prepare(new RawMail(r, "profile", "0", null), serializer);
        var whole = Stages.ThreadCpuMs() - cpu;
        return t.Report(raw.Count) + string.Create(CultureInfo.InvariantCulture, $"  {"ArchiveRow.Prepare",-18} {whole / raw.Count,7:0.000} ms/msg  (the real thing)\n");
    }
}
