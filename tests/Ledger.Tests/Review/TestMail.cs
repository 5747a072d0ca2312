using System.Globalization;
using System.Text;
using Ledger.Core.Archive;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Threads;

namespace Ledger.Tests.Review;

/// <summary>A small mail written for one test and parsed the way imported mail is: headers, threading, a plain body.</summary>
public static class TestMail
{
    public static ParsedMail Parse(string id, string from, string subject, string body, string? inReplyTo, DateTimeOffset date)
    {
        var headers = new StringBuilder()
            .Append($"From: {from.Split('@')[0]} <{from}>\r\n")
            .Append($"Subject: {subject}\r\n")
            .Append($"Message-ID: <{id}>\r\n")
            .Append($"Date: {date.ToString("ddd, d MMM yyyy HH:mm:ss", CultureInfo.InvariantCulture)} +0000\r\n");
        if (inReplyTo is not null) headers.Append($"In-Reply-To: <{inReplyTo}>\r\nReferences: <{inReplyTo}>\r\n");
        var raw = Encoding.UTF8.GetBytes(headers + "\r\n" + body.Replace("\r\n", "\n").Replace("\n", "\r\n"));
        return ((MailReading.Read)MailParser.Parse(raw)).Mail;
    }

    /// <summary>The acts the pipeline reads in one reply among the given mail, the patch author being `author`.</summary>
    public static IReadOnlyList<DetectedAct> ActsOf(IReadOnlyList<ParsedMail> mails, string id, string author)
    {
        var index = new MailIndex(mails);
        var reply = index.Find(id)!;
        var context = ActExtraction.Context(index, reply, index.PostingOf(reply)!, author);
        return ActExtraction.ActsOf(index, reply, context, author).Select(x => x.Act).ToList();
    }
}
