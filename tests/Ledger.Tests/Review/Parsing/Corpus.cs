using MimeKit;

namespace Ledger.Tests.Review.Parsing;

/// <summary>Loads decoded text bodies from the shared real-mail corpus.</summary>
internal static class Corpus
{
    public static readonly string Root = Environment.GetEnvironmentVariable("LEDGER_CORPUS") ?? "/work/shared/corpus";

    public static string Vfio(string name) => Path.Combine(Root, "vfio-wc-safe", "msgs", name);

    public static string Body(string path) => MimeMessage.Load(path).TextBody ?? "";

    public static MimeMessage Load(string path) => MimeMessage.Load(path);

    /// <summary>Every text/plain part of a message, attachments included (patches often travel as attachments).</summary>
    public static IEnumerable<string> TextParts(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Where(p => p.IsPlain).Select(p => p.Text ?? "");

    public static IEnumerable<string> PatchworkMails() =>
        Directory.EnumerateFiles(Path.Combine(Root, "patchwork", "mail"), "*.mbox").Order();

    public static IEnumerable<string> VfioMails() =>
        Directory.EnumerateFiles(Path.Combine(Root, "vfio-wc-safe", "msgs"), "*.eml").Order();
}
