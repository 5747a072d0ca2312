using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace Ledger.Core.Archive;

/// <summary>Reads one raw message with MimeKit. Pure: same bytes, same answer. Malformed mail is rejected with a reason, never thrown.</summary>
public static class MailParser
{
    // RFC 5322 caps a line at 998 characters; a longer Message-ID is garbage, not an identity.
    private const int MaxMessageIdLength = 998;
    private static readonly ParserOptions Options = new() { CharsetEncoding = Encoding.UTF8 };

    public static MailReading Parse(byte[] raw) => Parse(raw, withBody: static _ => true);

    /// <summary>
    /// Reads the headers, and the body only when <paramref name="withBody"/> says so for the subject (otherwise
    /// <see cref="ParsedMail.Body"/> is empty). The body's MIME structure and charset decoding are most of the cost,
    /// and the importer needs bodies of postings only. Headers and the quarantine checks are the same either way.
    /// </summary>
    public static MailReading Parse(byte[] raw, Func<string, bool> withBody)
    {
        var sha = MessageIds.Sha256Hex(raw);
        // Persistent: part contents stay slices of the bytes we already hold instead of being copied out while parsing;
        // the stream must then stay open until the body text is read.
        using var stream = new MemoryStream(raw, writable: false);
        MimeMessage message;
        try
        {
            var headers = new MimeParser(Options, stream, MimeFormat.Entity).ParseHeaders();
            if (withBody(Clean(headers[HeaderId.Subject] ?? "")))
            {
                stream.Position = 0;
                message = MimeMessage.Load(Options, stream, persistent: true);
            }
            else message = new MimeMessage(headers);
        }
        catch (Exception e) when (e is FormatException or ParseException or InvalidOperationException or ArgumentException)
        {
            return new MailReading.Rejected($"not a readable RFC 5322 message: {e.Message}", sha);
        }

        // MimeKit parses the Message-ID header again on every read of MessageId: read it once.
        var rawId = message.MessageId;
        var rejection = Check(message, rawId);
        if (rejection is not null) return new MailReading.Rejected(rejection, sha);

        var synthetic = string.IsNullOrWhiteSpace(rawId);
        var messageId = synthetic ? MessageIds.Synthesize(sha) : MessageIds.Strip(rawId!);
        var from = message.From.Mailboxes.First();
        var date = message.Date.ToUniversalTime();
        var references = message.References.Select(MessageIds.Strip).Where(r => r.Length > 0).ToList();
        var rawInReplyTo = message.InReplyTo;
        var inReplyTo = string.IsNullOrWhiteSpace(rawInReplyTo) ? references.LastOrDefault() : MessageIds.Strip(rawInReplyTo);

        return new MailReading.Read(new ParsedMail(
            messageId, synthetic, date, Clean(from.Name ?? ""), from.Address.Trim().ToLowerInvariant(),
            Clean(message.Subject ?? ""), inReplyTo, references, ListIdOf(message), message.Body is null ? "" : BodyText(message), sha));
    }

    private static string? Check(MimeMessage message, string? messageId)
    {
        if (message.From.Mailboxes.FirstOrDefault() is not { } from || !from.Address.Contains('@'))
            return "no sender: the From header has no address";
        var dateHeader = message.Headers[HeaderId.Date];
        if (string.IsNullOrWhiteSpace(dateHeader))
            return "no Date header: the message cannot be placed in time";
        if (!DateUtils.TryParse(dateHeader, out var date) || date.Year < 1980 || date.Year > 2100)
            return $"unparseable Date header: '{Truncate(dateHeader)}'";
        var id = message.Headers[HeaderId.MessageId];
        if (id is not null && id.Length > MaxMessageIdLength)
            return $"Message-ID longer than {MaxMessageIdLength} characters";
        if (id is not null && id.Any(char.IsControl))
            return "Message-ID contains control characters";
        if (!string.IsNullOrWhiteSpace(id) && string.IsNullOrWhiteSpace(messageId))
            return $"malformed Message-ID header: '{Truncate(id)}'";
        return null;
    }

    /// <summary>The text extractors read: the text/plain part, plus patches sent as attachments (text/x-patch, text/x-diff, *.patch).</summary>
    private static string BodyText(MimeMessage message)
    {
        // Parts joined by a newline once there is text; most mail has one part, which is then taken as it is.
        var text = "";
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            var isPatchAttachment = part.ContentType.MimeType is "text/x-patch" or "text/x-diff"
                || (part.FileName?.EndsWith(".patch", StringComparison.OrdinalIgnoreCase) ?? false)
                || (part.FileName?.EndsWith(".diff", StringComparison.OrdinalIgnoreCase) ?? false);
            if (!part.IsPlain && !isPatchAttachment) continue;
            if (part.IsAttachment && !isPatchAttachment) continue;
            string content;
            try { content = part.Text ?? ""; }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or DecoderFallbackException) { content = ""; }
            text = text.Length > 0 ? string.Concat(text, "\n", content) : content;
        }
        if (text.Length == 0 && message.HtmlBody is { } html)
            text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");
        return text.Replace("\r\n", "\n");
    }

    private static string? ListIdOf(MimeMessage message)
    {
        var listId = message.Headers["List-Id"] ?? message.Headers["X-Mailing-List"];
        if (string.IsNullOrWhiteSpace(listId)) return null;
        var open = listId.LastIndexOf('<');
        var close = listId.LastIndexOf('>');
        return (open >= 0 && close > open ? listId[(open + 1)..close] : listId).Trim();
    }

    private static string Clean(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('"', '\'', ' ');

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "...";
}
