using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class AppliedNoticesTests
{
    [Fact]
    public void A_pr_tracker_bot_notice_is_the_pull_merged_with_its_commit()
    {
        // pr-tracker-bot on kvmarm (156701430762.19174.2439398136739791001.pr-tracker-bot@kernel.org), up to its signature.
        const string body = "The pull request you sent on Wed, 28 Aug 2019 18:32:33 +0100:\n\n"
            + "> git://git.kernel.org/pub/scm/linux/kernel/git/arm64/linux.git tags/arm64-fixes\n\n"
            + "has been merged into torvalds/linux.git:\nhttps://git.kernel.org/torvalds/c/9cf6b756cdf2cd38b8b0dac2567f7c6daf5e79d5\n\n"
            + "Thank you!\n\n-- \nDeet-doot-dot, I am a bot.\n";
        var applied = Assert.Single(AppliedNotices.Find(body));
        Assert.Equal(("torvalds/linux.git", "9cf6b756cdf2cd38b8b0dac2567f7c6daf5e79d5"), (applied.Tree, applied.Sha));
        Assert.False(AppliedNotices.IsApplied("The fix for this\nhas been discussed on the list, see the other thread?"));
    }

    [Fact]
    public void B4ThankYouWithCommitLinks()
    {
        var body = Corpus.Body(Corpus.Vfio("040.eml"));
        Assert.True(AppliedNotices.IsApplied(body));
        var applied = AppliedNotices.Find(body);
        Assert.Equal(4, applied.Count);
        Assert.All(applied, a => Assert.Equal("kvmarm/next", a.Tree));
        Assert.Equal(("vfio: Convey kvm that the vfio-pci device is wc safe", "a39d3a966a09"), (applied[3].Subject, applied[3].Sha));
        Assert.Equal("c034ec84e879", applied[0].Sha);
    }

    [Fact]
    public void B4CommitLines()
    {
        const string body = "On Mon, X wrote:\n> [PATCH] foo\n\nApplied to net-next, thanks!\n\n[1/2] foo: one\n      commit: 0123456789abcdef\n[2/2] foo: two\n      (no commit info)\n\nBest regards,\n-- \nMaint\n";
        var a = AppliedNotices.Find(body);
        Assert.Equal([("foo: one", (string?)"0123456789abcdef"), ("foo: two", null)], a.Select(x => (x.Subject, x.Sha)));
        Assert.All(a, x => Assert.Equal("net-next", x.Tree));
    }

    [Theory]
    [InlineData("Thanks, applied.", true)]
    [InlineData("Queued for 6.9, thanks.", true)]
    [InlineData("Applied to x86/urgent.", true)]
    [InlineData("I applied this patch and tested it on arm64, works fine.", false)]
    [InlineData("> Applied to foo, thanks!", false)]
    [InlineData("Applied on top of what?", false)]
    [InlineData("Looks good to me.", false)]
    public void PlainNotices(string body, bool applied) => Assert.Equal(applied, AppliedNotices.IsApplied(body));

    [Fact]
    public void ReviewRepliesAreNotApplied()
    {
        foreach (var f in new[] { "002.eml", "003.eml", "013.eml", "049.eml" })
            Assert.False(AppliedNotices.IsApplied(Corpus.Body(Corpus.Vfio(f))), f);
    }
}
