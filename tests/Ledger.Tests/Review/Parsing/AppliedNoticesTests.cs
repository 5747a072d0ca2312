using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class AppliedNoticesTests
{
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
