using System.Globalization;
using System.Text;

namespace Ledger.Synth;

/// <summary>Renders a <see cref="MailDraft"/> as RFC 5322 bytes (LF line endings, as archives store them).</summary>
internal static class MailWriter
{
    static readonly string[] Days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    public static string FormatDate(DateTimeOffset d)
    {
        var off = d.Offset;
        var sign = off < TimeSpan.Zero ? '-' : '+';
        var abs = off.Duration();
        return string.Create(CultureInfo.InvariantCulture,
            $"{Days[(int)d.DayOfWeek]}, {d.Day:00} {Months[d.Month - 1]} {d.Year} {d.Hour:00}:{d.Minute:00}:{d.Second:00} {sign}{abs.Hours:00}{abs.Minutes:00}");
    }

    public static string FormatAddress(Person p)
    {
        var name = p.Name;
        bool ascii = true;
        foreach (var c in name) if (c > 126) { ascii = false; break; }
        if (!ascii) return $"{EncodeWord(name)} <{p.Email}>";
        if (name.IndexOfAny(['.', ',', '"', '(', ')', ':', ';', '@']) >= 0) return $"\"{name.Replace("\"", "\\\"")}\" <{p.Email}>";
        return $"{name} <{p.Email}>";
    }

    /// <summary>RFC 2047 Q-encoding, the way git send-email writes non-ASCII names.</summary>
    static string EncodeWord(string s)
    {
        var sb = new StringBuilder("=?UTF-8?q?");
        foreach (var b in Encoding.UTF8.GetBytes(s))
        {
            if (b == (byte)' ') sb.Append('_');
            else if (b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9') sb.Append((char)b);
            else sb.Append('=').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.Append("?=").ToString();
    }

    /// <summary>Folds at whitespace so that no header line exceeds 78 characters when possible.</summary>
    static void AppendHeader(StringBuilder sb, string name, string value)
    {
        var line = name.Length + 2;
        sb.Append(name).Append(": ");
        var first = true;
        foreach (var word in value.Split(' '))
        {
            if (!first)
            {
                if (line + 1 + word.Length > 78) { sb.Append("\n "); line = 1; }
                else { sb.Append(' '); line++; }
            }
            sb.Append(word);
            line += word.Length;
            first = false;
        }
        sb.Append('\n');
    }

    public static byte[] Render(MailDraft d, MailingList list, Defect defect, string garbage)
    {
        var sb = new StringBuilder(d.Body.Length + 1024);
        sb.Append("Return-Path: <").Append(d.From.Email).Append(">\n");
        AppendHeader(sb, "From", FormatAddress(d.From));
        if (d.To.Count > 0) AppendHeader(sb, "To", string.Join(", ", d.To.Select(FormatAddress)));
        var cc = d.Cc.Select(FormatAddress).Concat(d.Lists.Select(l => l.Address)).ToList();
        if (cc.Count > 0) AppendHeader(sb, "Cc", string.Join(", ", cc));
        AppendHeader(sb, "Subject", d.Subject);
        if (defect == Defect.GarbageHeader) sb.Append(garbage).Append('\n');
        sb.Append("Date: ").Append(defect == Defect.BadDate ? garbage : FormatDate(d.Date)).Append('\n');
        if (defect != Defect.MissingMessageId) sb.Append("Message-ID: <").Append(d.MessageId).Append(">\n");
        if (d.InReplyTo is not null) sb.Append("In-Reply-To: <").Append(d.InReplyTo).Append(">\n");
        if (d.References.Count > 0) AppendHeader(sb, "References", string.Join(' ', d.References.Select(r => $"<{r}>")));
        if (d.MailerHeader is not null) sb.Append(d.MailerHeader).Append('\n');
        sb.Append("Precedence: bulk\n");
        sb.Append("X-Mailing-List: ").Append(list.Address).Append('\n');
        sb.Append("List-Id: <").Append(list.ListId).Append(">\n");
        sb.Append("List-Subscribe: <mailto:").Append(list.ListId.Split('.')[0]).Append("+subscribe@").Append(list.Address.Split('@')[1]).Append(">\n");
        sb.Append("MIME-Version: 1.0\n");
        sb.Append("Content-Type: text/plain; charset=UTF-8\n");
        var enc = defect == Defect.BrokenBase64 ? BodyEncoding.Base64 : d.Encoding;
        sb.Append("Content-Transfer-Encoding: ").Append(enc switch
        {
            BodyEncoding.QuotedPrintable => "quoted-printable",
            BodyEncoding.Base64 => "base64",
            _ => "8bit",
        }).Append("\n\n");
        switch (enc)
        {
            case BodyEncoding.QuotedPrintable: AppendQuotedPrintable(sb, d.Body); break;
            case BodyEncoding.Base64: AppendBase64(sb, d.Body, broken: defect == Defect.BrokenBase64); break;
            default: sb.Append(d.Body); break;
        }
        if (sb[^1] != '\n') sb.Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    static void AppendBase64(StringBuilder sb, string body, bool broken)
    {
        var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        if (broken)
        {
            // Invalid alphabet in the middle and a truncated final quantum.
            var mid = b64.Length / 2;
            b64 = string.Concat(b64.AsSpan(0, mid), "!!*~", b64.AsSpan(mid, Math.Max(0, b64.Length - mid - 3)));
        }
        for (int i = 0; i < b64.Length; i += 76)
            sb.Append(b64, i, Math.Min(76, b64.Length - i)).Append('\n');
    }

    static void AppendQuotedPrintable(StringBuilder sb, string body)
    {
        foreach (var line in body.Split('\n'))
        {
            var bytes = Encoding.UTF8.GetBytes(line);
            int col = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                bool last = i == bytes.Length - 1;
                string tok = b == (byte)'=' || b > 126 || (b < 32 && b != (byte)'\t') || (last && (b == (byte)' ' || b == (byte)'\t'))
                    ? "=" + b.ToString("X2", CultureInfo.InvariantCulture)
                    : ((char)b).ToString();
                if (col + tok.Length > 75) { sb.Append("=\n"); col = 0; }
                sb.Append(tok);
                col += tok.Length;
            }
            sb.Append('\n');
        }
        sb.Length--; // Split adds a final empty element after the trailing newline.
    }
}
