using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Core.Review.Acts;

/// <summary>A review act found in a reply, tied to the posting it is about.</summary>
public sealed record ExtractedAct(string ActId, MailView Reply, MailView Posting, SeriesVersion Version, MailView? Target, ReplySegment Segment, DetectedAct Act)
{
    public string TargetMessageId => Target?.Mail.MessageId ?? Reply.Mail.InReplyTo ?? Posting.Mail.MessageId;
}
