using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class TrailersTests
{
    [Fact]
    public void CaseAndSpacingVariantsAreCanonical()
    {
        var t = Trailers.Find("Reviewed-By: A <a@x.org>\nreviewed-by : B <b@x.org>\nACKED-BY: C <c@x.org>\nco-developed-by: D <d@x.org>");
        Assert.Equal(["Reviewed-by", "Reviewed-by", "Acked-by", "Co-developed-by"], t.Select(x => x.Name));
        Assert.Equal("B", t[1].PersonName);
        Assert.Equal("b@x.org", t[1].Address);
        Assert.Equal(2, t[1].Line);
    }

    [Fact]
    public void WrappedAddressIsRejoined()
    {
        var t = Assert.Single(Trailers.Find("With that fixed:\nReviewed-by: Jane Doe\n <jane@x.org>\n"));
        Assert.Equal("Jane Doe <jane@x.org>", t.Value);
        Assert.Equal(("Jane Doe", "jane@x.org"), (t.PersonName, t.Address));
    }

    [Fact]
    public void WrappedFixesIsRejoined()
    {
        var t = Assert.Single(Trailers.Find("Fixes: 0123456789ab (\"KVM: arm64: some long\n subject line\")"));
        Assert.Equal("Fixes", t.Name);
        Assert.Equal("0123456789ab (\"KVM: arm64: some long subject line\")", t.Value);
        Assert.Null(t.Address);
    }

    [Fact]
    public void QuotedAndProseLinesAreIgnored()
    {
        var t = Trailers.Find("> Signed-off-by: Someone <s@x.org>\nNote: this is prose\nLink: https://lore.kernel.org/r/x\nAcked-by: Alex <alex@x.org> # for vfio");
        Assert.Equal(["Link", "Acked-by"], t.Select(x => x.Name));
        Assert.Equal("alex@x.org", t[1].Address);
    }

    [Fact]
    public void HtmlJunkAddress()
    {
        var t = Assert.Single(Trailers.Find("Signed-off-by: Yuri V <<mailto:yuri@gmail.com>yuri@gmail.com>"));
        Assert.Equal("yuri@gmail.com", t.Address);
    }

    [Theory]
    [InlineData("Reviewed-by", true)]
    [InlineData("Analyzed-by", true)]
    [InlineData("Cc", true)]
    [InlineData("Fixes", false)]
    [InlineData("Link", false)]
    public void PersonTrailers(string name, bool person) => Assert.Equal(person, Trailers.IsPersonTrailer(name));

    [Fact]
    public void ReplyTrailerFromCorpus()
    {
        // Alex Williamson's ack on v8 4/4, below a fully quoted patch.
        var reply = Replies.Split(Corpus.Body(Corpus.Vfio("016.eml")));
        var t = Assert.Single(Trailers.Find(reply.Unquoted));
        Assert.Equal(("Acked-by", "alex.williamson@redhat.com"), (t.Name, t.Address));
    }
}
