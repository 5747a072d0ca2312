using Ledger.Core.Importing.Sources;
using static Ledger.Tests.Importing.Sources.SourceTestKit;

namespace Ledger.Tests.Importing.Sources;

public class MaildirAndEmlSourceTests
{
    [Fact]
    public async Task Maildir_reads_cur_and_new_sorted_by_name_and_skips_tmp()
    {
        var dir = TempDir();
        foreach (var sub in new[] { "cur", "new", "tmp" }) Directory.CreateDirectory(Path.Combine(dir, sub));
        var files = VfioEmlFiles().Take(6).ToArray();
        // Alternate cur/new so ordering must merge both folders by name.
        for (int i = 0; i < 5; i++)
        {
            var sub = i % 2 == 0 ? "cur" : "new";
            var name = $"{1700000000 + i}.M{i}P1.host" + (sub == "cur" ? ":2,S" : "");
            File.Copy(files[i], Path.Combine(dir, sub, name));
        }
        File.Copy(files[5], Path.Combine(dir, "tmp", "1800000000.M9P1.host"));

        var source = MailSources.Open(dir, _ => null);
        Assert.IsType<MaildirSource>(source);
        var mails = await ReadAll(source);

        Assert.Equal(5, mails.Count);
        for (int i = 0; i < 5; i++)
            Assert.Equal(await File.ReadAllBytesAsync(files[i]), mails[i].Bytes);
        Assert.StartsWith("cur/1700000000", mails[0].Position);
        Assert.StartsWith("new/1700000001", mails[1].Position);
        Directory.Delete(dir, true);
    }

    [Fact]
    public async Task Eml_file_is_one_message()
    {
        var file = VfioEmlFiles()[41];
        var source = MailSources.Open(file, _ => null);
        Assert.IsType<EmlSource>(source);
        var mail = Assert.Single(await ReadAll(source));
        Assert.Equal(await File.ReadAllBytesAsync(file), mail.Bytes);
        Assert.Equal("042.eml", mail.Position);
    }

    [Fact]
    public void Open_detects_stdin_urls_and_rejects_unknown_directories()
    {
        Assert.IsType<StdinSource>(MailSources.Open("-", _ => null));
        Assert.IsType<LoreUrlSource>(MailSources.Open("https://lore.kernel.org/r/x@y", _ => null));
        Assert.IsType<MboxSource>(MailSources.Open(CorpusPaths.VfioThreadMbox, _ => null));
        var ex = Assert.Throws<SourceReadException>(() => MailSources.Open(CorpusPaths.VfioMsgs, _ => null));
        Assert.Contains(CorpusPaths.VfioMsgs, ex.Message);
    }
}
