using System.Diagnostics;
using Ledger.Tests.Importing.Sources;
using Ledger.Tests.Infrastructure;
using Xunit.Abstractions;
using static Ledger.Tests.Importing.ImportTestKit;

namespace Ledger.Tests.Importing;

/// <summary>
/// The foundation issue's acceptance check: the kvmarm 2019-2023 public-inbox epoch (21,367 commits) gives 21,366
/// distinct messages, and a second import appends nothing. Slow (tens of seconds), but it runs in CI.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class KvmarmBundleImportTests(LedgerDatabase db, ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Kvmarm_bundle_imports_21366_messages_and_a_second_import_appends_nothing()
    {
        await db.ResetAsync();
        var inbox = TempDir();
        try
        {
            SourceTestKit.Git(null, null, "clone", "-q", "--mirror", CorpusPaths.KvmarmBundle, Path.Combine(inbox, "git", "0.git"));

            var clock = Stopwatch.StartNew();
            var first = Assert.Single(await ImportAsync(db, inbox));
            var firstSeconds = clock.Elapsed.TotalSeconds;
            output.WriteLine($"first import: {first} in {firstSeconds:F1} s ({first.Read / firstSeconds:F0} msg/s)");
            Assert.Equal(21_367, first.Read);
            Assert.Equal(21_366, first.New);
            Assert.Equal(1, first.Duplicates + first.Quarantined);

            var stats = await StatsAsync(db);
            Assert.Equal(21_366, stats.Messages);

            clock.Restart();
            var second = Assert.Single(await ImportAsync(db, inbox));
            output.WriteLine($"second import (checkpointed): {second} in {clock.Elapsed.TotalSeconds:F1} s");
            Assert.Equal(0, second.New);
            Assert.Equal(stats, await StatsAsync(db));

            // Without the checkpoint (a fresh clone elsewhere reads every commit again) it still appends nothing.
            var other = TempDir();
            try
            {
                SourceTestKit.Git(null, null, "clone", "-q", "--mirror", CorpusPaths.KvmarmBundle, Path.Combine(other, "0.git"));
                clock.Restart();
                var third = Assert.Single(await ImportAsync(db, Path.Combine(other, "0.git")));
                output.WriteLine($"full re-read of a second clone: {third} in {clock.Elapsed.TotalSeconds:F1} s");
                Assert.Equal(21_367, third.Read);
                Assert.Equal(0, third.New);
                Assert.Equal(stats, await StatsAsync(db));
            }
            finally { Directory.Delete(other, true); }
        }
        finally { Directory.Delete(inbox, true); }
    }
}
