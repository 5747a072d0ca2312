using System.Text.RegularExpressions;
using Ledger.Core.Archive;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Database;
using Npgsql;
using NpgsqlTypes;

namespace Ledger.Importing;

/// <summary>
/// One small row per archived message: what threading, series grouping and lineage linking need, without the body.
/// `links` holds every Message-ID key the message points at (In-Reply-To, References, lore links in a posting);
/// `features` the posting's change-id and patch-id, and for postings and patch replies the subject key MailIndex
/// uses to attach orphan replies. Written by COPY at import time; the review indexer groups
/// from these rows alone and loads bodies only for the lineages new mail touches. `pending` marks rows not yet
/// understood. It is derived data: rows missing for archived messages are re-derived from the raw mail.
/// </summary>
public sealed partial record MailHeader(string Key, string StreamId, string[] Links, string FromAddress, bool Posting, string? Title, string[] Features)
{
    public const string Table = LedgerStore.Schema + ".mail_headers";

    public static MailHeader Of(ParsedMail m)
    {
        var key = MessageIds.Key(m.MessageId);
        var subject = Subjects.Parse(m.Subject);
        var posting = IsPosting(subject);
        var links = new List<string>();
        if (m.InReplyTo is { } p) links.Add(MessageIds.Key(p));
        links.AddRange(m.References.Select(MessageIds.Key));
        string? title = null;
        var features = new List<string>();
        if (posting)
        {
            links.AddRange(LineageLinking.LoreLinks(m.Body));
            var body = PatchBodies.Parse(m.Body);
            if (!string.IsNullOrWhiteSpace(body.ChangeId)) features.Add("c:" + body.ChangeId);
            if (body.PatchId is { } pid) features.Add("p:" + pid);
            title = WithoutPrefix(subject.Title);
        }
        // MailIndex attaches a patch reply whose threading never reaches a posting to a posting with the same subject key.
        if (posting || (subject.IsReply && (subject.IsPatch || subject.IsPullRequest)))
            features.Add($"s:{subject.Version}:{subject.Index}:{subject.Total}:{Subjects.NormalizeTitle(subject.Title)}");
        return new MailHeader(key, MessageIds.StreamKey(m.MessageId), links.Where(l => l.Length > 0 && l != key).Distinct().ToArray(),
            m.FromAddress, posting, title, features.ToArray());
    }

    /// <summary>A first posting of a patch or pull request: the only mail whose body a header row reads.</summary>
    public static bool IsPosting(string subject) => IsPosting(Subjects.Parse(subject));

    private static bool IsPosting(SubjectInfo subject) => (subject.IsPatch || subject.IsPullRequest) && !subject.IsReply;

    /// <summary>As LineageLinking compares titles: normalised, subsystem prefix dropped.</summary>
    public static string WithoutPrefix(string title) => LineageLinking.WithoutPrefix(title);

    public static async Task EnsureTableAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"""
            create schema if not exists {LedgerStore.Schema};
            create table if not exists {Table} (
              id bigserial primary key, key text not null unique, stream_id text not null, links text[] not null,
              from_address text not null, posting boolean not null, title text, features text[] not null,
              pending boolean not null default true);
            create index if not exists mail_headers_pending on {Table} (id) where pending;
            """, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Rows are written only for messages archived just now, so a row already there is stale (left from data since
    /// removed) and is replaced, pending understanding again. The common case, no row there, is a straight binary COPY
    /// into the table; only a batch that meets a stale row goes through a staging table and one upsert.
    /// </summary>
    public static async Task WriteAsync(NpgsqlConnection conn, IReadOnlyCollection<MailHeader> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        await using var tx = await conn.BeginTransactionAsync(ct);
        await tx.SaveAsync("direct", ct);
        try
        {
            await CopyAsync(conn, $"{Table} (key, stream_id, links, from_address, posting, title, features)", rows, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await tx.RollbackAsync("direct", ct);
            await using (var create = new NpgsqlCommand(
                $"create temp table if not exists mail_headers_in (key text, stream_id text, links text[], from_address text, posting boolean, title text, features text[]) on commit delete rows", conn, tx))
                await create.ExecuteNonQueryAsync(ct);
            await CopyAsync(conn, "mail_headers_in", rows, ct);
            await using var insert = new NpgsqlCommand(
                $"insert into {Table} (key, stream_id, links, from_address, posting, title, features) select * from mail_headers_in on conflict (key) do update set stream_id = excluded.stream_id, links = excluded.links, from_address = excluded.from_address, posting = excluded.posting, title = excluded.title, features = excluded.features, pending = true", conn, tx);
            await insert.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task CopyAsync(NpgsqlConnection conn, string target, IReadOnlyCollection<MailHeader> rows, CancellationToken ct)
    {
        await using var copy = await conn.BeginBinaryImportAsync($"copy {target} from stdin (format binary)", ct);
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.Key, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.StreamId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Links, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.FromAddress, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Posting, NpgsqlDbType.Boolean, ct);
            if (r.Title is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(r.Title, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Features, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
        }
        await copy.CompleteAsync(ct);
    }
}
