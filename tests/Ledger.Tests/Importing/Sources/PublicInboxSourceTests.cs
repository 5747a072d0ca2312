using System.Diagnostics;
using Ledger.Core.Importing.Sources;
using Xunit.Abstractions;
using static Ledger.Tests.Importing.Sources.SourceTestKit;

namespace Ledger.Tests.Importing.Sources;

public class PublicInboxSourceTests(ITestOutputHelper output)
{
    /// Builds a bare epoch the way public-inbox does: each commit's tree holds one blob "m" (or "d" when removed).
    private static List<string> BuildEpoch(string repo, IEnumerable<string> emlFiles, bool deleteLast)
    {
        Git(null, null, "init", "--bare", "-q", repo);
        var commits = new List<string>();
        string? parent = null;
        string? lastBlob = null;
        foreach (var file in emlFiles)
        {
            lastBlob = Git(repo, null, "hash-object", "-w", Path.GetFullPath(file));
            parent = Commit(repo, $"100644 blob {lastBlob}\tm\n", parent, commits);
        }
        if (deleteLast) Commit(repo, $"100644 blob {lastBlob}\td\n", parent, commits);
        Git(repo, null, "update-ref", "refs/heads/master", commits[^1]);
        return commits;
    }

    private static string Commit(string repo, string tree, string? parent, List<string> commits)
    {
        var treeSha = Git(repo, tree, "mktree");
        var args = new List<string> { "commit-tree", treeSha, "-m", "mail" };
        if (parent is not null) args.AddRange(["-p", parent]);
        var sha = Git(repo, null, [.. args]);
        commits.Add(sha);
        return sha;
    }

    [Fact]
    public async Task Epoch_reads_all_then_only_commits_after_since_and_skips_deletions()
    {
        var repo = Path.Combine(TempDir(), "0.git");
        var files = VfioEmlFiles().Take(4).ToArray();
        var commits = BuildEpoch(repo, files, deleteLast: true);
        var key = GitEpochSource.KeyFor(repo);

        var source = MailSources.Open(repo, _ => null);
        Assert.IsType<GitEpochSource>(source);
        var all = await ReadAll(source);
        Assert.Equal(4, all.Count);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(await File.ReadAllBytesAsync(files[i]), all[i].Bytes);
            Assert.Equal(new SourceCheckpoint(key, commits[i]), all[i].Checkpoint);
            Assert.Equal($"0.git@{commits[i]}", all[i].Position);
        }

        var later = await ReadAll(MailSources.Open(repo, k => k == key ? commits[1] : null));
        Assert.Equal([commits[2], commits[3]], later.Select(m => m.Checkpoint!.Commit));

        Assert.Empty(await ReadAll(new GitEpochSource(repo, commits[^1])));
        // An unknown checkpoint (rewritten history) reads everything again.
        Assert.Equal(4, (await ReadAll(new GitEpochSource(repo, new string('a', 40)))).Count);
    }

    [Fact]
    public async Task Inbox_reads_epochs_in_numeric_order_each_from_its_own_checkpoint()
    {
        var inbox = TempDir();
        var files = VfioEmlFiles();
        var epochs = new Dictionary<int, List<string>>();
        foreach (var n in new[] { 0, 1, 2, 10 })
            epochs[n] = BuildEpoch(Path.Combine(inbox, "git", $"{n}.git"), files.Skip(n * 3).Take(3), deleteLast: false);

        var source = MailSources.Open(inbox, _ => null);
        Assert.IsType<PublicInboxSource>(source);
        var all = await ReadAll(source);
        Assert.Equal(epochs.OrderBy(e => e.Key).SelectMany(e => e.Value), all.Select(m => m.Checkpoint!.Commit));
        Assert.Equal($"git/10.git@{epochs[10][2]}", all[^1].Position);

        var key1 = GitEpochSource.KeyFor(Path.Combine(inbox, "git", "1.git"));
        var key10 = GitEpochSource.KeyFor(Path.Combine(inbox, "git", "10.git"));
        var resumed = await ReadAll(MailSources.Open(inbox, k => k == key1 ? epochs[1][2] : k == key10 ? epochs[10][0] : null));
        Assert.Equal(3 + 0 + 3 + 2, resumed.Count);
        Directory.Delete(inbox, true);
    }

    [Fact]
    public async Task Missing_or_broken_epoch_raises_SourceReadException()
    {
        var dir = TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "objects"));
        await File.WriteAllTextAsync(Path.Combine(dir, "HEAD"), "garbage\n");
        var ex = await Assert.ThrowsAsync<SourceReadException>(() => ReadAll(new GitEpochSource(dir, null)));
        Assert.Contains(GitEpochSource.KeyFor(dir), ex.Message);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Kvmarm_bundle_mirror_yields_one_mail_per_commit()
    {
        var inbox = TempDir();
        var epoch = Path.Combine(inbox, "git", "0.git");
        Git(null, null, "clone", "-q", "--mirror", CorpusPaths.KvmarmBundle, epoch);

        var sw = Stopwatch.StartNew();
        long count = 0, bytes = 0;
        string? last = null;
        await foreach (var mail in MailSources.Open(inbox, _ => null).ReadAsync())
        {
            count++;
            bytes += mail.Bytes.Length;
            last = mail.Checkpoint!.Commit;
        }
        sw.Stop();
        output.WriteLine($"{count} mails, {bytes / 1e6:F1} MB in {sw.Elapsed.TotalSeconds:F2}s = {count / sw.Elapsed.TotalSeconds:F0} msgs/s");

        Assert.Equal(21_367, count);
        Assert.Equal(Git(epoch, null, "rev-parse", "HEAD"), last);
        Directory.Delete(inbox, true);
    }
}
