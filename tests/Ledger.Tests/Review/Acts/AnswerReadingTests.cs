using Ledger.Core.Archive;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Threads;

namespace Ledger.Tests.Review.Acts;

/// <summary>Acts read from how a reply was answered (<see cref="ActExtraction.ActsOf"/>): a point the author concedes, a defence
/// the reviewer takes, an answer the reviewer disputes in turn.</summary>
public class AnswerReadingTests
{
    private const string Author = "author@example.org";
    private const string Reviewer = "reviewer@example.org";

    private static ParsedMail Mail(string id, string from, string subject, string body, string? inReplyTo = null, int minute = 0) =>
        TestMail.Parse(id, from, subject, body, inReplyTo, new DateTimeOffset(2021, 3, 1, 10, minute, 0, TimeSpan.Zero));

    private static IReadOnlyList<DetectedAct> ActsOf(IReadOnlyList<ParsedMail> mails, string id) => TestMail.ActsOf(mails, id, Author);

    private static readonly ParsedMail Patch = Mail("p1@x", Author, "[PATCH] kvm: fix the walker",
        "Align the address.\n\nSigned-off-by: A <author@example.org>\n---\n+\tdata->addr = ALIGN(data->addr, size);\n");

    [Fact]
    public void APointTheAuthorConcedesWasAnObjection()
    {
        var review = Mail("r1@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> +\tdata->addr = ALIGN(data->addr, size);\n\nThis leaves the SS bit set in the saved state of the guest.\n", "p1@x", 1);
        var answer = Mail("a1@x", Author, "Re: [PATCH] kvm: fix the walker",
            "> This leaves the SS bit set in the saved state of the guest.\n\nOh, whoops. I'll fix it.\n", "r1@x", 2);
        Assert.DoesNotContain(ActsOf([Patch, review], "r1@x"), a => a.Type == ActType.Objection);
        Assert.Contains(ActsOf([Patch, review, answer], "r1@x"), a => a.Type == ActType.Objection && a.Rule == "objection.conceded");
    }

    [Fact]
    public void AnAnswerToAQuestionIsNoConcession()
    {
        var review = Mail("r1@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> +\tdata->addr = ALIGN(data->addr, size);\n\nThis leaves the SS bit set in the saved state of the guest.\n", "p1@x", 1);
        var answer = Mail("a1@x", Author, "Re: [PATCH] kvm: fix the walker",
            "> This leaves the SS bit set in the saved state of the guest.\n\nYes, the guest clears it on entry.\n", "r1@x", 2);
        Assert.DoesNotContain(ActsOf([Patch, review, answer], "r1@x"), a => a.Rule == "objection.conceded");
    }

    [Fact]
    public void ADefenceTheReviewerTakesWasPushback()
    {
        var review = Mail("r1@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> +\tdata->addr = ALIGN(data->addr, size);\n\nPlease use a helper for the alignment here.\n", "p1@x", 1);
        var defence = Mail("a1@x", Author, "Re: [PATCH] kvm: fix the walker",
            "> Please use a helper for the alignment here.\n\nThis has to be backported to 4.9, where the helper does not exist.\n", "r1@x", 2);
        var taken = Mail("r2@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> This has to be backported to 4.9, where the helper does not exist.\n\nFair enough.\n", "a1@x", 3);
        Assert.DoesNotContain(ActsOf([Patch, review, defence], "a1@x"), a => a.Type == ActType.Pushback);
        Assert.Contains(ActsOf([Patch, review, defence, taken], "a1@x"), a => a.Type == ActType.Pushback && a.Rule == "pushback.conceded-to");
    }

    [Fact]
    public void AnAnswerTheReviewerDisputesWasPushback()
    {
        var review = Mail("r1@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> +\tdata->addr = ALIGN(data->addr, size);\n\nPlease use a helper for the alignment here.\n", "p1@x", 1);
        var answer = Mail("a1@x", Author, "Re: [PATCH] kvm: fix the walker",
            "> Please use a helper for the alignment here.\n\nThe open-coded version is what every other walker does.\n", "r1@x", 2);
        var disputed = Mail("r2@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> The open-coded version is what every other walker does.\n\nNo, the stage-1 walker uses the helper already.\n", "a1@x", 3);
        Assert.Contains(ActsOf([Patch, review, answer, disputed], "a1@x"), a => a.Type == ActType.Pushback && a.Rule == "pushback.disputed");
    }

    [Fact]
    public void APointTheAuthorPromisesToActOnAskedForAChange()
    {
        var review = Mail("r1@x", Reviewer, "Re: [PATCH] kvm: fix the walker",
            "> +\tdata->addr = ALIGN(data->addr, size);\n\nThe comment above still talks about the old walker.\n", "p1@x", 1);
        var answer = Mail("a1@x", Author, "Re: [PATCH] kvm: fix the walker",
            "> The comment above still talks about the old walker.\n\nSure, will fix.\n", "r1@x", 2);
        Assert.DoesNotContain(ActsOf([Patch, review], "r1@x"), a => a.Type == ActType.Suggestion);
        Assert.Contains(ActsOf([Patch, review, answer], "r1@x"), a => a.Type == ActType.Suggestion && a.Rule == "suggestion.taken-up");
    }
}
