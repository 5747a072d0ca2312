using System.Text;
using System.Text.Json;
using Ledger.Accuracy;
using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Tests.Importing;
using Ledger.Tests.Importing.Sources;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>Small steps the decision and changelog tests are written in: import a thread, ask the CLI, read its JSON.</summary>
public static class LedgerScenario
{
    public const string V9Cover = "20240224150546.368-1-ankita@nvidia.com";
    public const string V9Patch4 = "20240224150546.368-5-ankita@nvidia.com";

    public static async Task ImportedVfioThread(this LedgerDatabase db)
    {
        await db.ResetAsync();
        var result = await ImportTestKit.RunAsync(db, "import", CorpusPaths.VfioThreadMbox);
        Assert.True(result.Exit == 0, result.ToString());
    }

    public static async Task<JsonElement> JsonAsync(this LedgerDatabase db, params string[] args)
    {
        var result = await ImportTestKit.RunAsync(db, [.. args, "--format", "json"]);
        Assert.True(result.Exit == 0, result.ToString());
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    public static async Task<ImportTestKit.CliResult> CliAsync(this LedgerDatabase db, params string[] args) => await ImportTestKit.RunAsync(db, args);

    public static IEnumerable<string> MessageIdsIn(JsonElement history) =>
        history.EnumerateArray().Select(h => h.GetProperty("message_id")).Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!);

    private static readonly SemaphoreSlim MirrorLock = new(1, 1);

    /// <summary>Imports one labelled kvmarm thread: its messages read from the real archive, nothing else.</summary>
    public static async Task ImportedKvmarmSet(this LedgerDatabase db, string set)
    {
        var wanted = Labels.Load().Single(s => s.Name == set).MessageKeys.ToHashSet();
        await db.ImportedKvmarmMail(set, m => wanted.Contains(MessageIds.Key(m.MessageId)));
    }

    /// <summary>Imports the real kvmarm messages a predicate picks, into an empty ledger.</summary>
    public static async Task ImportedKvmarmMail(this LedgerDatabase db, string name, Func<ParsedMail, bool> wanted)
    {
        await db.ResetAsync();
        var mirror = Path.Combine(Path.GetTempPath(), "ledger-tests-kvmarm", "git", "0.git");
        await MirrorLock.WaitAsync();
        try { Evaluator.EnsureKvmarmMirror(mirror); } finally { MirrorLock.Release(); }
        var mbox = Path.Combine(ImportTestKit.TempDir(), name + ".mbox");
        await using (var output = File.Create(mbox))
        {
            await foreach (var raw in MailSources.Open(mirror, _ => null).ReadAsync())
                if (MailParser.Parse(raw.Bytes) is MailReading.Read r && wanted(r.Mail))
                {
                    await output.WriteAsync(Encoding.ASCII.GetBytes("From mboxrd@z Thu Jan  1 00:00:00 1970\n"));
                    await output.WriteAsync(Escape(raw.Bytes));
                    await output.WriteAsync("\n"u8.ToArray());
                }
        }
        var result = await ImportTestKit.RunAsync(db, "import", mbox);
        Assert.True(result.Exit == 0, result.ToString());
    }

    /// <summary>mboxrd: a body line starting with "From " (or already quoted ">From ") gains one '>'.</summary>
    private static byte[] Escape(byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw).Replace("\r\n", "\n");
        var lines = text.Split('\n').Select(l => l.TrimStart('>').StartsWith("From ", StringComparison.Ordinal) ? ">" + l : l);
        return Encoding.Latin1.GetBytes(string.Join('\n', lines));
    }
}
