using System.CommandLine;
using Ledger.Core.Importing.Sources;
using Ledger.Importing;
using Marten;
using Spectre.Console;

namespace Ledger.Cli;

/// <summary>`ledger import SOURCE...`: mbox (.gz), Maildir, .eml, `-`, public-inbox inbox or epoch, lore URL.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var sources = new Argument<string[]>("source") { Description = "mbox[.gz], Maildir, .eml, -, public-inbox folder or epoch.git, or a lore URL", Arity = ArgumentArity.OneOrMore };
        var noAnalyse = new Option<bool>("--no-understand") { Description = "Only archive the mail; run `ledger reindex` later to derive review events" };
        var command = new Command("import", "Import mail into the ledger (idempotent: a re-run appends nothing)") { sources, noAnalyse };
        command.SetAction(async (parse, ct) =>
        {
            // The act rules take over half a second of CPU to build: have it done while the ledger opens and the mail is read.
            if (!parse.GetValue(noAnalyse)) _ = Task.Run(Core.Review.Interpretation.WarmUp, ct);
            await using var store = await LedgerSession.OpenAsync(parse);
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            var checkpoints = await Checkpoints.LoadAsync(store, ct);
            var exit = 0;
            foreach (var spec in parse.GetValue(sources)!)
            {
                try
                {
                    var source = MailSources.Open(spec, key => checkpoints.GetValueOrDefault(key));
                    var summary = await RunAsync(new Importer(store), source, ct);
                    Report(spec, summary);
                }
                catch (SourceReadException e)
                {
                    await Console.Error.WriteLineAsync($"ledger: {e.Message} Everything read before the failure was imported.");
                    exit = 2;
                }
            }
            if (!parse.GetValue(noAnalyse))
                await Reviewing.ReviewIndexer.UnderstandAsync(store, Console.Out, ct);
            return exit;
        });
        return command;
    }

    private static async Task<ImportSummary> RunAsync(Importer importer, IMailSource source, CancellationToken ct)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            var last = DateTime.UtcNow;
            var plain = new Progress<ImportProgress>(p =>
            {
                if ((DateTime.UtcNow - last).TotalSeconds < 5) return;
                last = DateTime.UtcNow;
                Console.WriteLine($"{source.Name}: {p.Read} read, {p.New} new, {p.Duplicates} duplicate, {p.Quarantined} quarantined, {p.MessagesPerSecond:F0} msg/s");
            });
            return await importer.ImportAsync(source, plain, ct);
        }
        ImportSummary? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(source.Name)).IsIndeterminate();
                var progress = new Progress<ImportProgress>(p =>
                    task.Description = Markup.Escape($"{source.Name}: {p.Read} read, {p.New} new, {p.Quarantined} quarantined, {p.MessagesPerSecond:F0} msg/s"));
                result = await importer.ImportAsync(source, progress, ct);
                task.StopTask();
            });
        return result!;
    }

    private static void Report(string spec, ImportSummary s) =>
        Console.WriteLine($"imported {spec}: {s.Read} read, {s.New} new, {s.Duplicates} duplicate, {s.Quarantined} quarantined in {s.Elapsed.TotalSeconds:F1} s ({s.MessagesPerSecond:F0} messages/s)");
}

public static class Checkpoints
{
    public static async Task<Dictionary<string, string>> LoadAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.Query<Database.ImportCheckpoint>().ToListAsync(ct)).ToDictionary(c => c.Id, c => c.Commit);
    }
}
