using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Ledger.Core.Importing.Sources;
using static Ledger.Tests.Importing.Sources.SourceTestKit;

namespace Ledger.Tests.Importing.Sources;

public class LoreUrlSourceTests
{
    [Theory]
    [InlineData("https://lore.kernel.org/r/20240220072926.6466-5-ankita@nvidia.com",
        "https://lore.kernel.org/all/20240220072926.6466-5-ankita@nvidia.com/t.mbox.gz")]
    [InlineData("https://lore.kernel.org/all/20240220072926.6466-5-ankita@nvidia.com/",
        "https://lore.kernel.org/all/20240220072926.6466-5-ankita@nvidia.com/t.mbox.gz")]
    [InlineData("https://lore.kernel.org/kvm/20240220072926.6466-5-ankita@nvidia.com/T/#u",
        "https://lore.kernel.org/all/20240220072926.6466-5-ankita@nvidia.com/t.mbox.gz")]
    [InlineData("https://lore.kernel.org/r/%3C20240220072926.6466-5-ankita@nvidia.com%3E",
        "https://lore.kernel.org/all/20240220072926.6466-5-ankita@nvidia.com/t.mbox.gz")]
    [InlineData("https://lore.kernel.org/kvm/abc@x/t.mbox.gz", "https://lore.kernel.org/kvm/abc@x/t.mbox.gz")]
    [InlineData("http://127.0.0.1:8080/r/abc@x", "http://127.0.0.1:8080/all/abc@x/t.mbox.gz")]
    public void ToThreadMboxUrl_rewrites_only_the_path(string input, string expected) =>
        Assert.Equal(expected, LoreUrlSource.ToThreadMboxUrl(input));

    [Theory]
    [InlineData("https://lore.kernel.org/kvm/")]
    [InlineData("ftp://lore.kernel.org/r/abc@x")]
    public void ToThreadMboxUrl_rejects_urls_without_a_message(string input) =>
        Assert.Throws<ArgumentException>(() => LoreUrlSource.ToThreadMboxUrl(input));

    [Fact]
    public async Task Thread_is_fetched_gzipped_from_a_loopback_server_and_404_is_an_error()
    {
        var id = Manifest()[0].MessageId.Trim('<', '>');
        var mbox = await File.ReadAllBytesAsync(CorpusPaths.VfioThreadMbox);
        var gz = new MemoryStream();
        await using (var zip = new GZipStream(gz, CompressionLevel.Fastest, leaveOpen: true)) zip.Write(mbox);

        int port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = Task.Run(async () =>
        {
            while (listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
                var body = ctx.Request.RawUrl == $"/all/{id}/t.mbox.gz" ? gz.ToArray() : null;
                ctx.Response.StatusCode = body is null ? 404 : 200;
                ctx.Response.ContentType = "application/gzip";
                if (body is not null) await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
        });

        using var http = new HttpClient();
        var source = MailSources.Open($"http://127.0.0.1:{port}/r/{id}", _ => null, http);
        var mails = await ReadAll(source);
        Assert.Equal(100, mails.Count);
        Assert.Equal(Manifest().Select(r => r.MessageId).ToHashSet(), mails.Select(m => MessageId(m.Bytes)).ToHashSet());

        var missing = $"http://127.0.0.1:{port}/r/nobody@nowhere";
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => ReadAll(MailSources.Open(missing, _ => null, http)));
        Assert.Contains("404", ex.Message);
        Assert.Contains("/all/nobody@nowhere/t.mbox.gz", ex.Message);

        listener.Stop();
        await serving;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
