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

    [Theory]
    [InlineData("[RFC PATCH v4 0/6] Enable ptp_kvm for arm64", "[RFC PATCH v4 1/5] psci: export the conduit", 4)] // miscounted cover
    [InlineData("[RFC PATCH v10 0/9] Enable ptp_kvm for arm64", "[RFC PATCH 1/9] psci: export the conduit", 10)] // patches without the version
    public void A_cover_sent_with_its_patches_is_theirs_when_the_prefixes_disagree(string coverSubject, string patchSubject, int version)
    {
        // One git send-email run (kvmarm, Jianyong Wu's ptp_kvm v4 and v10): the Message-IDs differ only in the message number.
        var cover = Mail("20190926114212.5322-1-jianyong.wu@arm.com", coverSubject);
        var patch = Mail("20190926114212.5322-2-jianyong.wu@arm.com", patchSubject, cover.MessageId, 1);
        var grouped = Assert.Single(SeriesGrouping.Group(new MailIndex([cover, patch])));
        Assert.Equal((version, cover.MessageId), (grouped.Version, grouped.Cover?.Mail.MessageId));
    }

    [Fact]
    public void A_later_series_sent_in_reply_to_a_cover_is_a_posting_of_its_own()
    {
        var cover = Mail("20200101100000.100-1-author@example.org", "[PATCH 0/3] KVM: arm64: rework the timer");
        var followUp = Mail("20200105090000.200-1-author@example.org", "[PATCH 1/2] KVM: arm64: fix the timer rework", cover.MessageId, 30);
        Assert.Equal(2, SeriesGrouping.Group(new MailIndex([cover, followUp])).Count);
    }
}
