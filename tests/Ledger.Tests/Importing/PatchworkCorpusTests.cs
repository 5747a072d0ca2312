using System.Text.Json;
using Ledger.Core.Importing.Sources;
using Ledger.Importing;
using Ledger.Tests.Importing.Sources;
using Ledger.Tests.Infrastructure;
using Xunit.Abstractions;
using static Ledger.Tests.Importing.ImportTestKit;

namespace Ledger.Tests.Importing;

/// <summary>Every file of the patchwork parser corpus (well-formed oddities and fuzzer finds) is imported or quarantined with a reason.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class PatchworkCorpusTests(LedgerDatabase db, ITestOutputHelper output)
{
    private static string[] Files() =>
        new[] { "mail", "fuzz" }.SelectMany(sub => Directory.GetFiles(Path.Combine(CorpusPaths.Patchwork, sub)))
            .Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Every_patchwork_file_is_imported_or_quarantined_with_a_reason_never_a_crash_or_hang()
    {
        await db.ResetAsync();
        var files = Files();
        Assert.True(files.Length >= 40, $"only {files.Length} corpus files found");
        long read = 0, imported = 0, quarantined = 0;
        foreach (var file in files)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var summary = await new Importer(db.Store).ImportAsync(MailSources.Open(file, _ => null), ct: timeout.Token)
                .WaitAsync(TimeSpan.FromSeconds(60));
            output.WriteLine($"{Path.GetRelativePath(CorpusPaths.Patchwork, file)}: {summary.Read} read, {summary.New} new, {summary.Duplicates} duplicate, {summary.Quarantined} quarantined");
            Assert.True(summary.Read >= 1, $"{file}: no message read");
            Assert.Equal(summary.Read, summary.New + summary.Duplicates + summary.Quarantined);
            read += summary.Read;
            imported += summary.New + summary.Duplicates;
            quarantined += summary.Quarantined;
        }
        output.WriteLine($"total: {read} read, {imported} imported, {quarantined} quarantined");
        Assert.Equal(read, imported + quarantined);

        var stats = await StatsAsync(db);
        Assert.Equal(quarantined, stats.Quarantined);
        Assert.True(stats.Messages >= 1 && stats.Messages <= imported);

        var listing = await RunAsync(db, "quarantine", "--format", "json");
        Assert.True(listing.Exit == 0, listing.ToString());
        using var json = JsonDocument.Parse(listing.Out);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(quarantined, items.Count);
        foreach (var item in items)
        {
            output.WriteLine($"quarantined {item.GetProperty("source").GetString()} {item.GetProperty("position").GetString()}: {item.GetProperty("reason").GetString()}");
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("reason").GetString()));
            Assert.StartsWith(CorpusPaths.Patchwork, item.GetProperty("source").GetString());
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("position").GetString()));
        }

        // A second pass over the whole corpus appends nothing: quarantined mail is known by its hash.
        var events = stats.Events;
        foreach (var file in files) await new Importer(db.Store).ImportAsync(MailSources.Open(file, _ => null));
        Assert.Equal(events, (await StatsAsync(db)).Events);
    }

    [Fact]
    public async Task Whole_patchwork_corpus_through_the_cli_in_one_command_exits_zero()
    {
        await db.ResetAsync();
        var files = Files();
        var summaries = await ImportAsync(db, files);
        Assert.All(summaries, s => Assert.Equal(s.Read, s.New + s.Duplicates + s.Quarantined));
        var stats = await StatsAsync(db);
        Assert.Equal(summaries.Sum(s => s.Quarantined), stats.Quarantined);
        Assert.True(stats.Quarantined > 0, "the fuzz corpus holds mail that cannot be archived");
    }
}
