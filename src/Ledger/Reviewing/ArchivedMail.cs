using Ledger.Core.Archive;
using Ledger.Database;
using Marten;
using Npgsql;

namespace Ledger.Reviewing;

/// <summary>Reads archived raw mail back out of the event store and parses it again: interpretations are always re-derived from the facts.</summary>
public static class ArchivedMail
{
    public static async Task<List<ParsedMail>> LoadAllAsync(IDocumentStore store, CancellationToken ct)
    {
        var raws = new List<byte[]>();
        await using (var conn = store.Storage.Database.CreateConnection())
        {
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand($"select data->>'RawGz' from {LedgerStore.Schema}.mt_events where type = 'message_archived'", conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) raws.Add(Convert.FromBase64String(reader.GetString(0)));
        }
        var parsed = new ParsedMail?[raws.Count];
        Parallel.For(0, raws.Count, i =>
        {
            parsed[i] = MailParser.Parse(RawCompression.Decompress(raws[i])) is MailReading.Read r ? r.Mail : null;
            raws[i] = [];
        });
        return parsed.OfType<ParsedMail>().ToList();
    }
}
