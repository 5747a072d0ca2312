using Ledger.Core.Archive;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Tests.Review.Series;

public class SeriesGroupingTests
{
    private static ParsedMail Mail(string id, string subject, string? inReplyTo = null, int minute = 0) =>
        TestMail.Parse(id, "author@example.org", subject, "Text.\n\nSigned-off-by: A <author@example.org>\n---\n", inReplyTo,
            new DateTimeOffset(2020, 10, 26, 10, minute, 0, TimeSpan.Zero));

    [Fact]
    public void a_lone_patch_under_its_own_0_of_1_cover_is_one_posting_with_it()
    {
        var cover = Mail("c@x", "[PATCH v2 0/1] KVM: arm64: fix the mmio faulting");
        var patch = Mail("p@x", "[PATCH v2 1/1] KVM: arm64: Correctly handle the mmio faulting", "c@x", 1);
        var version = Assert.Single(SeriesGrouping.Group(new MailIndex([cover, patch])));
        Assert.NotNull(version.Cover);
        Assert.Equal("p@x", Assert.Single(version.Patches).Mail.MessageId);
    }

    [Fact]
    public void a_1_of_1_patch_without_a_cover_stands_alone()
    {
        var patch = Mail("p@x", "[PATCH v2 1/1] vfio: select the memory type");
        var version = Assert.Single(SeriesGrouping.Group(new MailIndex([patch])));
        Assert.Null(version.Cover);
    }
}
