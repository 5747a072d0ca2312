using Ledger.Core.Archive;
using Ledger.Database;
using Ledger.Importing;
using Marten;
using Npgsql;

namespace Ledger.Reviewing;

/// <summary>Reads archived raw mail back out of the event store and parses it again: interpretations are always re-derived from the facts.</summary>
public static class ArchivedMail
{
    /// <summary>The messages of the given header rows, parsed, in import order.</summary>
    public static async Task<List<ParsedMail>> LoadAsync(NpgsqlConnection conn, long[] headerIds, CancellationToken ct)
    {
        var raws = new List<byte[]>(headerIds.Length);
        await using var cmd = new NpgsqlCommand($"""
            select e.data->>'RawGz' from {MailHeader.Table} h
            join {LedgerStore.Schema}.mt_events e on e.stream_id = h.stream_id and e.type = 'message_archived'
            where h.id = any(@ids) order by h.id
            """, conn);
        cmd.Parameters.AddWithValue("ids", headerIds);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) raws.Add(Convert.FromBase64String(reader.GetString(0)));
        return Parse(raws);
    }

    /// <summary>
    /// Header rows are derived data: archived messages without one (a ledger imported before the index existed, or an
    /// import stopped between its two writes) get theirs from the raw mail, marked pending so they are understood.
    /// </summary>
    public static async Task BackfillHeadersAsync(IDocumentStore store, NpgsqlConnection conn, CancellationToken ct)
    {
        await using (var count = new NpgsqlCommand(
            $"select (select count(*) from {LedgerStore.Schema}.mt_events where type = 'message_archived') - (select count(*) from {MailHeader.Table})", conn))
            if (Convert.ToInt64(await count.ExecuteScalarAsync(ct)) <= 0) return;

        await using var read = store.Storage.Database.CreateConnection();
        await read.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            select e.data->>'RawGz' from {LedgerStore.Schema}.mt_events e
            where e.type = 'message_archived' and not exists (select 1 from {MailHeader.Table} h where h.key = substr(e.stream_id, 5))
            order by e.seq_id
            """, read);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var raws = new List<byte[]>();
        while (true)
        {
            var more = await reader.ReadAsync(ct);
            if (more) raws.Add(Convert.FromBase64String(reader.GetString(0)));
            if (raws.Count >= 2000 || (!more && raws.Count > 0))
            {
                await MailHeader.WriteAsync(conn, Parse(raws).Select(MailHeader.Of).ToList(), ct);
                raws.Clear();
            }
            if (!more) break;
        }
    }

    private static List<ParsedMail> Parse(List<byte[]> raws)
    {
        var parsed = new ParsedMail?[raws.Count];
        Parallel.For(0, raws.Count, i =>
        {
            parsed[i] = MailParser.Parse(RawCompression.Decompress(raws[i])) is MailReading.Read r ? r.Mail : null;
            raws[i] = [];
        });
        return parsed.OfType<ParsedMail>().ToList();
    }
}
