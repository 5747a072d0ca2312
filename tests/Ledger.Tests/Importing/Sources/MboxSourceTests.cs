using System.IO.Compression;
using System.Text;
using Ledger.Core.Importing.Sources;
using static Ledger.Tests.Importing.Sources.SourceTestKit;

namespace Ledger.Tests.Importing.Sources;

public class MboxSourceTests
{
    [Fact]
    public async Task Vfio_thread_mboxrd_yields_the_100_manifest_messages()
    {
        var mails = await ReadAll(MailSources.Open(CorpusPaths.VfioThreadMbox, _ => null));

        Assert.Equal(100, mails.Count);
        var expected = Manifest().Select(r => r.MessageId).ToHashSet();
        Assert.Equal(expected, mails.Select(m => MessageId(m.Bytes)).ToHashSet());
        Assert.Equal("thread.mbox:#1 (byte 0)", mails[0].Position);
        Assert.All(mails, m => Assert.False(m.Bytes.AsSpan().StartsWith("From "u8)));
    }

    [Fact]
    public async Task Mboxrd_messages_match_the_eml_files_byte_for_byte()
    {
        var mails = await ReadAll(new MboxSource(CorpusPaths.VfioThreadMbox));
        var byId = mails.ToDictionary(m => MessageId(m.Bytes));
        foreach (var (file, id) in Manifest())
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(CorpusPaths.Vfio, file)), byId[id].Bytes);
    }

    [Fact]
    public async Task Gzipped_thread_gives_the_same_messages_and_truncation_throws_after_some()
    {
        var dir = TempDir();
        var gz = Path.Combine(dir, "thread.mbox.data"); // no .gz extension: detection is by magic bytes
        await using (var output = File.Create(gz))
        await using (var zip = new GZipStream(output, CompressionLevel.Optimal))
        await using (var input = File.OpenRead(CorpusPaths.VfioThreadMbox))
            await input.CopyToAsync(zip);

        var plain = await ReadAll(new MboxSource(CorpusPaths.VfioThreadMbox));
        var unzipped = await ReadAll(MailSources.Open(gz, _ => null));
        Assert.Equal(plain.Select(m => m.Bytes), unzipped.Select(m => m.Bytes));

        var cut = Path.Combine(dir, "cut.mbox");
        var all = await File.ReadAllBytesAsync(gz);
        await File.WriteAllBytesAsync(cut, all[..(all.Length * 2 / 3)]);
        var got = new List<RawMail>();
        var ex = await Assert.ThrowsAsync<SourceReadException>(async () =>
        {
            await foreach (var m in new MboxSource(cut).ReadAsync()) got.Add(m);
        });
        Assert.InRange(got.Count, 1, 99);
        Assert.Contains(cut, ex.Message);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Mboxcl2_honours_Content_Length_over_a_From_line_in_the_body()
    {
        var (path, expected) = WriteMbox(cl2: true);
        var mails = await ReadAll(new MboxSource(path));
        Assert.Equal(expected, mails.Select(m => m.Bytes));
    }

    [Fact]
    public async Task Mboxcl2_with_a_wrong_Content_Length_falls_back_to_From_splitting()
    {
        var (path, expected) = WriteMbox(cl2: true, lengthDelta: 3, withBodyFrom: false);
        var mails = await ReadAll(new MboxSource(path));
        Assert.Equal(expected.Count, mails.Count);
    }

    [Fact]
    public async Task Mboxo_splits_on_From_lines_and_unescapes_quoted_ones()
    {
        var (path, expected) = WriteMbox(cl2: false);
        var mails = await ReadAll(new MboxSource(path));
        Assert.Equal(expected, mails.Select(m => m.Bytes));
    }

    [Fact]
    public async Task File_without_From_line_is_one_message_and_stdin_reads_an_mbox()
    {
        var eml = SourceTestKit.VfioEmlFiles()[0];
        var asMbox = await ReadAll(new MboxSource(eml));
        Assert.Equal(await File.ReadAllBytesAsync(eml), Assert.Single(asMbox).Bytes);

        await using var stdin = File.OpenRead(CorpusPaths.VfioThreadMbox);
        Assert.Equal(100, (await ReadAll(new StdinSource(stdin))).Count);
    }

    [Fact]
    public async Task Missing_file_and_garbage_raise_SourceReadException()
    {
        var missing = Path.Combine(TempDir(), "nope.mbox");
        var ex = Assert.Throws<SourceReadException>(() => MailSources.Open(missing, _ => null));
        Assert.Contains(missing, ex.Message);
        await Assert.ThrowsAsync<SourceReadException>(() => ReadAll(new MboxSource(missing)));

        var garbage = Path.Combine(TempDir(), "garbage.txt");
        await File.WriteAllTextAsync(garbage, "just some words\nand more words\n");
        await Assert.ThrowsAsync<SourceReadException>(() => ReadAll(new MboxSource(garbage)));
    }

    /// Writes the first 5 vfio messages as mboxcl2 (Content-Length, nothing escaped) or mboxo (">From " quoted),
    /// each with an extra body paragraph starting "From " that would split a naive reader.
    private static (string Path, List<byte[]> Expected) WriteMbox(bool cl2, int lengthDelta = 0, bool withBodyFrom = true)
    {
        var path = Path.Combine(TempDir(), cl2 ? "cl2.mbox" : "mboxo.mbox");
        var expected = new List<byte[]>();
        using var output = File.Create(path);
        foreach (var file in SourceTestKit.VfioEmlFiles().Take(5))
        {
            var raw = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
            var headers = raw[..(split + 1)];
            var body = raw[(split + 2)..];
            if (withBodyFrom) body += "\nFrom the body, not a separator\n";
            var bodyOnDisk = cl2 ? body : body.Replace("\nFrom ", "\n>From ");
            var message = headers + "\n" + body;
            expected.Add(Encoding.Latin1.GetBytes(message));
            var contentLength = cl2 ? $"Content-Length: {Encoding.Latin1.GetByteCount(body) + lengthDelta}\n" : "";
            output.Write(Encoding.Latin1.GetBytes(
                $"From test@example.org Thu Jan  1 00:00:00 1970\n{headers}{contentLength}\n{bodyOnDisk}\n"));
            if (cl2) expected[^1] = Encoding.Latin1.GetBytes(headers + contentLength + "\n" + body);
        }
        return (path, expected);
    }
}
