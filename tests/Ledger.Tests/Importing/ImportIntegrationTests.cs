using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Importing;
using Ledger.Tests.Importing.Sources;
using Ledger.Tests.Infrastructure;
using static Ledger.Tests.Importing.ImportTestKit;

namespace Ledger.Tests.Importing;

/// <summary>The foundation issue's "done when", against the real database through the real CLI: no mocks.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class ImportIntegrationTests(LedgerDatabase db)
{
    [Fact]
    public async Task Vfio_thread_mbox_gives_100_distinct_messages_and_a_second_import_appends_nothing()
    {
        await db.ResetAsync();

        var first = Assert.Single(await ImportAsync(db, CorpusPaths.VfioThreadMbox));
        Assert.Equal(new Summary(100, 100, 0, 0), first);
        var stats = await StatsAsync(db);
        Assert.Equal(100, stats.Messages);
        Assert.Equal(0, stats.Quarantined);
        Assert.Equal(100, stats.Events);

        var expected = SourceTestKit.Manifest().Select(r => MessageIds.StreamKey(r.MessageId)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, await StreamsAsync("msg:%"));

        var second = Assert.Single(await ImportAsync(db, CorpusPaths.VfioThreadMbox));
        Assert.Equal(new Summary(100, 0, 100, 0), second);
        Assert.Equal(stats, await StatsAsync(db));
    }

    [Fact]
    public async Task Same_messages_as_eml_files_and_as_a_Maildir_are_duplicates_not_new()
    {
        await db.ResetAsync();
        await ImportAsync(db, CorpusPaths.VfioThreadMbox);
        var before = await StatsAsync(db);

        var emls = SourceTestKit.VfioEmlFiles();
        var viaEml = await ImportAsync(db, emls);
        Assert.All(viaEml, s => Assert.Equal(new Summary(1, 0, 1, 0), s));
        Assert.Equal(before, await StatsAsync(db));

        var maildir = TempDir();
        foreach (var sub in new[] { "cur", "new", "tmp" }) Directory.CreateDirectory(Path.Combine(maildir, sub));
        for (var i = 0; i < emls.Length; i++)
            File.Copy(emls[i], Path.Combine(maildir, i % 2 == 0 ? "cur" : "new", $"{1700000000 + i}.M{i}P1.host:2,S"));
        var viaMaildir = Assert.Single(await ImportAsync(db, maildir));
        Assert.Equal(new Summary(100, 0, 100, 0), viaMaildir);
        Assert.Equal(before, await StatsAsync(db));
        Directory.Delete(maildir, true);
    }

    [Fact]
    public async Task Maildir_and_eml_alone_import_the_same_100_messages_as_the_mbox()
    {
        await db.ResetAsync();
        var maildir = TempDir();
        Directory.CreateDirectory(Path.Combine(maildir, "cur"));
        foreach (var eml in SourceTestKit.VfioEmlFiles().Skip(10)) File.Copy(eml, Path.Combine(maildir, "cur", Path.GetFileName(eml)));
        var summaries = await ImportAsync(db, [maildir, .. SourceTestKit.VfioEmlFiles().Take(10)]);
        Assert.Equal(90, summaries[0].New);
        Assert.Equal(10, summaries.Skip(1).Sum(s => s.New));
        Assert.Equal(100, (await StatsAsync(db)).Messages);

        Assert.Equal(new Summary(100, 0, 100, 0), Assert.Single(await ImportAsync(db, CorpusPaths.VfioThreadMbox)));
        Assert.Equal(100, (await StatsAsync(db)).Events);
        Directory.Delete(maildir, true);
    }

    [Fact]
    public async Task Cross_posted_copy_is_a_duplicate_recorded_once_and_a_reimport_appends_nothing()
    {
        await db.ResetAsync();
        await ImportAsync(db, CorpusPaths.VfioThreadMbox);
        var before = await StatsAsync(db);

        var original = Path.Combine(CorpusPaths.VfioMsgs, "001.eml");
        var copyBytes = WithHeader(await File.ReadAllBytesAsync(original), "List-Id", "<linux-arm-kernel.lists.infradead.org>");
        Assert.NotEqual(await File.ReadAllBytesAsync(original), copyBytes);
        var dir = TempDir();
        var copy = Path.Combine(dir, "cross-posted.eml");
        await File.WriteAllBytesAsync(copy, copyBytes);

        Assert.Equal(new Summary(1, 0, 1, 0), Assert.Single(await ImportAsync(db, copy)));
        var after = await StatsAsync(db);
        Assert.Equal(before.Messages, after.Messages);
        Assert.Equal(before.Events + 1, after.Events);

        const string stream = "msg:20240220072926.6466-5-ankita@nvidia.com";
        Assert.Equal(1, await db.ScalarAsync($"select count(*) from ledger.mt_events where stream_id = '{stream}' and type = 'message_copy_received'"));
        Assert.Equal(1, await db.ScalarAsync($"select count(*) from ledger.mt_events where stream_id = '{stream}' and type = 'message_archived'"));
        Assert.Equal(1, await db.ScalarAsync(
            $"select count(*) from ledger.mt_events where stream_id = '{stream}' and type = 'message_copy_received' and data->>'ListId' = 'linux-arm-kernel.lists.infradead.org'"));

        Assert.Equal(new Summary(1, 0, 1, 0), Assert.Single(await ImportAsync(db, copy)));
        Assert.Equal(after, await StatsAsync(db));
        // The original delivery again is a duplicate of the archived fact, not a new copy either.
        await ImportAsync(db, original);
        Assert.Equal(after, await StatsAsync(db));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Message_without_Message_ID_gets_a_stable_synthetic_id()
    {
        await db.ResetAsync();
        var bytes = WithHeader(await File.ReadAllBytesAsync(Path.Combine(CorpusPaths.VfioMsgs, "002.eml")), "Message-ID", null);
        Assert.DoesNotMatch("(?im)^Message-ID:", System.Text.Encoding.Latin1.GetString(bytes));
        var dir = TempDir();
        var eml = Path.Combine(dir, "anonymous.eml");
        await File.WriteAllBytesAsync(eml, bytes);

        Assert.Equal(new Summary(1, 1, 0, 0), Assert.Single(await ImportAsync(db, eml)));
        var expected = "msg:" + MessageIds.Synthesize(MessageIds.Sha256Hex(bytes));
        Assert.Equal([expected], await StreamsAsync("msg:%"));
        Assert.Equal(1, await db.ScalarAsync($"select count(*) from ledger.mt_events where stream_id = '{expected}' and (data->>'SyntheticId')::boolean"));
        var stats = await StatsAsync(db);

        // Same bytes again, and through another kind of source: the same id, nothing appended.
        var maildir = Path.Combine(dir, "Maildir");
        Directory.CreateDirectory(Path.Combine(maildir, "new"));
        await File.WriteAllBytesAsync(Path.Combine(maildir, "new", "1.eml"), bytes);
        Assert.Equal(new Summary(1, 0, 1, 0), Assert.Single(await ImportAsync(db, eml)));
        Assert.Equal(new Summary(1, 0, 1, 0), Assert.Single(await ImportAsync(db, maildir)));
        Assert.Equal([expected], await StreamsAsync("msg:%"));
        Assert.Equal(stats, await StatsAsync(db));
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Truncated_gz_mbox_exits_non_zero_with_a_clear_error_and_keeps_the_messages_before_the_cut()
    {
        await db.ResetAsync();
        var dir = TempDir();
        var gz = Path.Combine(dir, "thread.mbox.gz");
        await using (var output = File.Create(gz))
        await using (var zip = new GZipStream(output, CompressionLevel.Optimal))
        await using (var input = File.OpenRead(CorpusPaths.VfioThreadMbox))
            await input.CopyToAsync(zip);
        var whole = await File.ReadAllBytesAsync(gz);
        var cut = Path.Combine(dir, "cut.mbox.gz");
        await File.WriteAllBytesAsync(cut, whole[..(whole.Length / 2)]);

        // What a plain read gets before the failure is what the import must keep.
        var readable = new List<RawMail>();
        await Assert.ThrowsAsync<SourceReadException>(async () => { await foreach (var m in new MboxSource(cut).ReadAsync()) readable.Add(m); });
        Assert.InRange(readable.Count, 1, 99);

        var result = await RunAsync(db, "import", "--no-understand", cut);
        Assert.True(result.Exit != 0, result.ToString());
        Assert.Contains(cut, result.Err);
        Assert.Contains("Everything read before the failure was imported", result.Err);
        var stats = await StatsAsync(db);
        Assert.Equal(readable.Count, stats.Messages);
        Assert.Equal(readable.Count, stats.Events);

        // The intact archive then completes the ledger; the truncated one again adds nothing.
        var rest = Assert.Single(await ImportAsync(db, gz));
        Assert.Equal(100 - readable.Count, rest.New);
        Assert.Equal(100, (await StatsAsync(db)).Messages);
        Assert.NotEqual(0, (await RunAsync(db, "import", "--no-understand", cut)).Exit);
        Assert.Equal(100, (await StatsAsync(db)).Events);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Public_inbox_epoch_import_is_incremental()
    {
        await db.ResetAsync();
        var inbox = TempDir();
        var epoch = Path.Combine(inbox, "git", "0.git");
        var emls = SourceTestKit.VfioEmlFiles();
        var commits = new List<string>();
        SourceTestKit.Git(null, null, "init", "--bare", "-q", epoch);
        void Add(IEnumerable<string> files)
        {
            foreach (var file in files)
            {
                var blob = SourceTestKit.Git(epoch, null, "hash-object", "-w", file);
                var tree = SourceTestKit.Git(epoch, $"100644 blob {blob}\tm\n", "mktree");
                string[] args = commits.Count == 0 ? ["commit-tree", tree, "-m", "m"] : ["commit-tree", tree, "-m", "m", "-p", commits[^1]];
                commits.Add(SourceTestKit.Git(epoch, null, args));
            }
            SourceTestKit.Git(epoch, null, "update-ref", "refs/heads/master", commits[^1]);
        }

        Add(emls.Take(5));
        Assert.Equal(new Summary(5, 5, 0, 0), Assert.Single(await ImportAsync(db, inbox)));
        Assert.Equal(new Summary(0, 0, 0, 0), Assert.Single(await ImportAsync(db, inbox)));

        Add(emls.Skip(5).Take(3));
        Assert.Equal(new Summary(3, 3, 0, 0), Assert.Single(await ImportAsync(db, inbox)));
        // The epoch itself, named directly, shares the checkpoint.
        Assert.Equal(new Summary(0, 0, 0, 0), Assert.Single(await ImportAsync(db, epoch)));
        Add(emls.Skip(8).Take(2));
        Assert.Equal(new Summary(2, 2, 0, 0), Assert.Single(await ImportAsync(db, epoch)));

        var stats = await StatsAsync(db);
        Assert.Equal(10, stats.Messages);
        Assert.Equal(10, stats.Events);
        Assert.Equal(1, await db.ScalarAsync("select count(*) from ledger.mt_doc_importcheckpoint"));
        Directory.Delete(inbox, true);
    }

    [Fact]
    public async Task Lore_url_is_expanded_to_the_thread_mbox_and_imported_from_a_loopback_server()
    {
        await db.ResetAsync();
        var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true))
            zip.Write(await File.ReadAllBytesAsync(CorpusPaths.VfioThreadMbox));
        var body = gz.ToArray();

        using var listener = StartListener(out var prefix);
        var requests = new List<string>();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                lock (requests) requests.Add(context.Request.RawUrl ?? "");
                if (context.Request.RawUrl?.EndsWith("/t.mbox.gz", StringComparison.Ordinal) == true)
                {
                    context.Response.ContentType = "application/gzip";
                    context.Response.ContentLength64 = body.Length;
                    await context.Response.OutputStream.WriteAsync(body);
                }
                else context.Response.StatusCode = 404;
                context.Response.Close();
            }
        });

        const string id = "20240220072926.6466-5-ankita@nvidia.com";
        Assert.Equal(new Summary(100, 100, 0, 0), Assert.Single(await ImportAsync(db, $"{prefix}r/{id}")));
        Assert.Equal(100, (await StatsAsync(db)).Messages);
        Assert.Equal(new Summary(100, 0, 100, 0), Assert.Single(await ImportAsync(db, $"{prefix}all/{id}/t.mbox.gz")));
        lock (requests) Assert.Equal([$"/all/{id}/t.mbox.gz", $"/all/{id}/t.mbox.gz"], requests);

        var missing = await RunAsync(db, "import", "--no-understand", $"{prefix}nothing/here.mbox");
        Assert.NotEqual(0, missing.Exit);
        Assert.Contains("404", missing.Err);
        Assert.Equal(100, (await StatsAsync(db)).Events);
        listener.Stop();
        await serving;
    }

    private static HttpListener StartListener(out string prefix)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                listener.Close();
            }
        }
    }

    private async Task<List<string>> StreamsAsync(string like)
    {
        await using var conn = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select id from ledger.mt_streams where id like @like order by id collate \"C\"", conn);
        cmd.Parameters.AddWithValue("like", like);
        var ids = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>Header rows go in by plain COPY; a batch that meets a row left from removed data replaces it instead.</summary>
    [Fact]
    public async Task Header_rows_left_from_removed_mail_are_replaced_and_pending_again_on_reimport()
    {
        await db.ResetAsync();
        await ImportAsync(db, CorpusPaths.VfioThreadMbox);
        Assert.Equal(100, await db.ScalarAsync("select count(*) from ledger.mail_headers"));
        // The events go, the header rows stay behind (stale), marked understood and with a wrong sender.
        await db.ScalarAsync("with d as (delete from ledger.mt_streams returning 1) select count(*) from d");
        await db.ScalarAsync("with u as (update ledger.mail_headers set pending = false, from_address = 'stale@example.org' returning 1) select count(*) from u");

        var again = Assert.Single(await ImportAsync(db, CorpusPaths.VfioThreadMbox));
        Assert.Equal(new Summary(100, 100, 0, 0), again);
        Assert.Equal(100, await db.ScalarAsync("select count(*) from ledger.mail_headers where pending and from_address <> 'stale@example.org'"));
    }

    /// <summary>The library path the CLI wraps: a read failure surfaces after the batch before it is written.</summary>
    [Fact]
    public async Task Importer_writes_what_was_read_before_a_failing_source()
    {
        await db.ResetAsync();
        var failing = new FailingSource(SourceTestKit.VfioEmlFiles().Take(3).Select(f => new RawMail(File.ReadAllBytes(f), f, f)).ToList());
        await Assert.ThrowsAsync<SourceReadException>(() => new Importer(db.Store).ImportAsync(failing));
        Assert.Equal(3, (await StatsAsync(db)).Messages);
    }

    private sealed class FailingSource(List<RawMail> mails) : IMailSource
    {
        public string Name => "failing";

        public async IAsyncEnumerable<RawMail> ReadAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
        {
            foreach (var m in mails) { await Task.Yield(); yield return m; }
            throw new SourceReadException("the source broke");
        }
    }
}
