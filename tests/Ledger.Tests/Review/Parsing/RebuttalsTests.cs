using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

/// <summary>Acts read against what a reply answers: another reviewer's quoted request, concern or question.</summary>
public class RebuttalsTests
{
    private static readonly ActContext ReviewerToReviewer = new(false, true, Answering.Reviewer);
    private static readonly ActContext AuthorToReviewer = new(true, true, Answering.Reviewer);
    private static readonly ActContext ReviewerToPosting = new(false, true);

    private static IReadOnlyList<DetectedAct> Answer(string quoted, string text, ActContext ctx) =>
        ActRules.Classify(new ReplySegment(quoted, text, 0), ctx);

    [Theory]
    [InlineData("I'd suggest dropping the flag and using the vma instead.", "No, the vma is gone by then.")]
    [InlineData("Please consider making this an independent config option.", "I don't see why, the stubs are harmless.")]
    [InlineData("This is not safe without FWB.", "That isn't the case, FWB is mandatory here.")]
    [InlineData("You could use a helper for this.", "For this series it really doesn't matter.")]
    [InlineData("Maybe it's worth defining it like that to make the overlap obvious.", "We don't need a macro for the J bit, it is RES0.")]
    [InlineData("This is not safe without FWB.", "So I don't see there is a boundary issue.")]
    public void DenyingAReviewersPointIsPushback(string quoted, string text)
    {
        Assert.Contains(Answer(quoted, text, ReviewerToReviewer), a => a.Type == ActType.Pushback);
        Assert.Contains(Answer(quoted, text, AuthorToReviewer), a => a.Type == ActType.Pushback);
    }

    [Fact]
    public void ADenialThatConcedesIsNoPushback() =>
        Assert.DoesNotContain(Answer("You could use a helper for this.", "Nope, I think you're right.", ReviewerToReviewer),
            a => a.Type == ActType.Pushback);

    [Fact]
    public void DenyingAPlainStatementOrAPostingIsNoPushback()
    {
        Assert.DoesNotContain(Answer("The vma is revoked at that point.", "No, it is not.", ReviewerToReviewer), a => a.Type == ActType.Pushback);
        Assert.DoesNotContain(Answer("+\tret = foo();", "No, this is wrong.", ReviewerToPosting), a => a.Type == ActType.Pushback);
    }

    [Fact]
    public void AConcernAboutAnotherReviewersProposalDisputesIt()
    {
        const string proposal = "Maybe we could detect it via pgprot_device() instead.";
        Assert.Contains(Answer(proposal, "It does look hacky though.", ReviewerToReviewer), a => a.Type == ActType.Pushback);
        Assert.DoesNotContain(Answer(proposal, "It does look hacky though.", ReviewerToReviewer), a => a.Type == ActType.Objection);
        // Added to another reviewer's concern, a concern concurs: it stays an objection to the patch.
        Assert.Contains(Answer("This is not safe without FWB.", "It looks hacky too.", ReviewerToReviewer), a => a.Type == ActType.Objection);
    }

    [Fact]
    public void AuthorAnsweringAPlainQuestionDoesNotAccept()
    {
        Assert.DoesNotContain(Answer("Is this only for PCIe?", "Yes, for now.", AuthorToReviewer), a => a.Type == ActType.Acceptance);
        Assert.Contains(Answer("Could you add a comment here?", "Yes, will do.", AuthorToReviewer), a => a.Type == ActType.Acceptance);
    }

    [Theory]
    [InlineData("No PCIe system has ever done prefetch.")] // a determiner, not a denial
    [InlineData("I don't think we looked into it.")] // a hedge
    public void NotADenial(string sentence) => Assert.False(Rebuttals.Disagrees(sentence));

    [Theory]
    [InlineData("Please use a helper for the alignment here.", "That's a fair point. However, no existing userspace relies on it.")]
    [InlineData("This is not safe without FWB.", "True, but FWB is mandatory on every system that runs this.")]
    [InlineData("Please use a helper for the alignment here.", "I agree this would work, but the result would be harder to read.")]
    public void GrantingAPointToTurnItAroundIsPushback(string quoted, string text)
    {
        var acts = Answer(quoted, text, AuthorToReviewer);
        Assert.Contains(acts, a => a.Type == ActType.Pushback && a.Rule == "pushback.yes-but");
        Assert.DoesNotContain(acts, a => a.Type == ActType.Acceptance);
    }

    [Fact]
    public void AGrantWithoutATurnIsAcceptance()
    {
        var acts = Answer("Please use a helper for the alignment here.", "Fair enough, I'll use the helper.", AuthorToReviewer);
        Assert.DoesNotContain(acts, a => a.Type == ActType.Pushback);
        Assert.Contains(acts, a => a.Type == ActType.Acceptance);
    }
}
