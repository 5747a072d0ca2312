using Ledger.Core.Archive;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Tests.Review.Acts;

public class TrailerCollectionTests
{
    private const string Author = "maintainer@example.org";
    private const string Reviewer = "reviewer@example.org";

    private static string Diff(string file, string context, params string[] added) =>
        $"diff --git a/{file} b/{file}\nindex 1111111..2222222 100644\n--- a/{file}\n+++ b/{file}\n@@ -10,3 +10,{3 + added.Length} @@\n"
        + $" {context}\n {context} again\n" + string.Concat(added.Select(a => $"+{a}\n")) + " \n";

    private static string Patch(string message, string diff, string trailers = "") =>
        $"{message}\n\n{trailers}Signed-off-by: M <{Author}>\n---\n {diff.Split('\n')[0][13..]} | 1 +\n\n{diff}";

    private static ParsedMail Mail(string id, string from, string subject, string body, string? inReplyTo, int day) =>
        TestMail.Parse(id, from, subject, body, inReplyTo, new DateTimeOffset(2022, 12, day, 10, 0, 0, TimeSpan.Zero));

    private static List<CollectedTrailer> Collect(IReadOnlyList<ParsedMail> mails)
    {
        var index = new MailIndex(mails);
        var lineage = Assert.Single(LineageLinking.Link(index, SeriesGrouping.Group(index)));
        return TrailerCollection.Collect(index, lineage, ActExtraction.RepliesOf(index, lineage));
    }

    private static readonly string CodeDiff = Diff("arch/arm64/kvm/mmu.c", "int ret = 0;", "if (write_fault && !writable) return -EFAULT;");
    private const string DocLine = "Note: a write by the page-table walker to a read-only memslot is injected as an abort.";

    [Fact]
    public void a_review_given_on_a_diff_proposed_inline_goes_to_the_patch_that_diff_became()
    {
        var mails = new List<ParsedMail>
        {
            Mail("v1@x", Author, "[PATCH] KVM: arm64: Fix S1PTW handling on RO memslots", Patch("Fix it.", CodeDiff), null, 20),
            Mail("r1@x", Reviewer, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> Fix it.\n\nThe API document still promises an MMIO exit for these writes.", "v1@x", 21),
            // The inline diff is against another base than v2's patch: other context lines, the same change.
            Mail("r2@x", Author, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> The API document still promises an MMIO exit.\n\nRight. How about something like this?\n\n"
                + Diff("Documentation/virt/kvm/api.rst", "allocation and is deprecated.", DocLine), "r1@x", 21),
            Mail("r3@x", Reviewer, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> How about something like this?\n\nLooks good to me, thanks!\n\nReviewed-by: Rev <reviewer@example.org>\n", "r2@x", 22),
            Mail("v2-0@x", Author, "[PATCH v2 0/2] KVM: arm64: Fix S1PTW handling on RO memslots", "Changes since v1: document it.", null, 30),
            Mail("v2-1@x", Author, "[PATCH v2 1/2] KVM: arm64: Fix S1PTW handling on RO memslots", Patch("Fix it.", CodeDiff), "v2-0@x", 30),
            Mail("v2-2@x", Author, "[PATCH v2 2/2] KVM: arm64: Document the abort on RO memslots",
                Patch("Document it.", Diff("Documentation/virt/kvm/api.rst", "example is madvise(MADV_DROP).", DocLine),
                    "Reviewed-by: Rev <reviewer@example.org>\n"), "v2-0@x", 30),
        };

        var trailer = Assert.Single(Collect(mails));
        Assert.Equal("v2-2@x", trailer.Patch.Mail.MessageId);
        Assert.Equal(2, trailer.Version.Version);
        Assert.Equal("trailer.on-inline-diff", trailer.Rule);
        Assert.True(trailer.Carried);
    }

    [Fact]
    public void a_tested_by_variant_is_a_trailer_given_in_review()
    {
        var mails = new List<ParsedMail>
        {
            Mail("v1@x", Author, "[PATCH] KVM: arm64: Fix S1PTW handling on RO memslots", Patch("Fix it.", CodeDiff), null, 20),
            Mail("r1@x", Reviewer, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> Fix it.\n\nThis fixes the boot regression on my board.\n\nRegression-tested-by: Rev <reviewer@example.org>\n", "v1@x", 21),
        };

        var trailer = Assert.Single(Collect(mails));
        Assert.Equal("Regression-tested-by", trailer.Trailer.Name);
        Assert.Equal("v1@x", trailer.Patch.Mail.MessageId);
        Assert.Equal("trailer.reply-to-patch", trailer.Rule);
    }

    [Fact]
    public void a_review_after_asking_to_drop_a_line_is_given_and_with_that_above_it_is_conditional()
    {
        var mails = new List<ParsedMail>
        {
            Mail("v1@x", Author, "[PATCH] KVM: arm64: Fix S1PTW handling on RO memslots", Patch("Fix it.", CodeDiff), null, 20),
            // "drop the ... check" asks for a change; it takes back no trailer.
            Mail("r1@x", Reviewer, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> +if (write_fault && !writable) return -EFAULT;\n\nI'd just drop the 'writable' check here, it is always true.\n\nWith that:\n\n"
                + "Acked-by: Rev <reviewer@example.org>\n", "v1@x", 21),
        };

        var trailer = Assert.Single(Collect(mails));
        Assert.Equal("Acked-by", trailer.Trailer.Name);
        Assert.True(trailer.Conditional);
        Assert.False(trailer.Withdrawn);
    }

    [Fact]
    public void a_withdrawal_answering_one_review_takes_back_that_one_only()
    {
        var mails = new List<ParsedMail>
        {
            Mail("v1-0@x", Author, "[PATCH 0/2] KVM: arm64: Fix S1PTW handling on RO memslots", "Two fixes.", null, 20),
            Mail("v1-1@x", Author, "[PATCH 1/2] KVM: arm64: Fix S1PTW handling on RO memslots", Patch("Fix it.", CodeDiff), "v1-0@x", 20),
            Mail("v1-2@x", Author, "[PATCH 2/2] KVM: arm64: Document the abort on RO memslots",
                Patch("Document it.", Diff("Documentation/virt/kvm/api.rst", "example is madvise(MADV_DROP).", DocLine)), "v1-0@x", 20),
            Mail("r1@x", Reviewer, "Re: [PATCH 1/2] KVM: arm64: Fix S1PTW handling on RO memslots", "> Fix it.\n\nReviewed-by: Rev <reviewer@example.org>\n", "v1-1@x", 21),
            Mail("r2@x", Reviewer, "Re: [PATCH 2/2] KVM: arm64: Document the abort on RO memslots", "> Document it.\n\nReviewed-by: Rev <reviewer@example.org>\n", "v1-2@x", 21),
            Mail("r3@x", Reviewer, "Re: [PATCH 2/2] KVM: arm64: Document the abort on RO memslots",
                "> Reviewed-by: Rev <reviewer@example.org>\n\nActually, I'm withdrawing my Reviewed-by: the note is wrong for instruction fetches.\n", "r2@x", 22),
        };

        var trailers = Collect(mails);
        Assert.False(Assert.Single(trailers, t => t.Patch.Mail.MessageId == "v1-1@x").Withdrawn);
        Assert.True(Assert.Single(trailers, t => t.Patch.Mail.MessageId == "v1-2@x").Withdrawn);
    }

    [Fact]
    public void a_trailer_for_someone_elses_replacement_diff_that_no_version_made_is_not_for_the_patch()
    {
        const string maintainer = "maintainer2@example.org";
        var replacement = Diff("arch/arm64/kvm/vgic/vgic-mmio.c", "int ret = 0;", "vgic_uaccess_write_senable(vcpu, addr, len, val);");
        var mails = new List<ParsedMail>
        {
            Mail("v1@x", Author, "[PATCH] KVM: arm64: Fix S1PTW handling on RO memslots", Patch("Fix it.", CodeDiff), null, 20),
            Mail("r1@x", maintainer, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> Fix it.\n\nI'd suggest something like this instead (untested, of course):\n\n" + replacement, "v1@x", 21),
            Mail("r2@x", Author, "Re: [PATCH] KVM: arm64: Fix S1PTW handling on RO memslots",
                "> I'd suggest something like this instead\n\nI've tested your version, it works for me:\n\nTested-by: M <maintainer@example.org>\n", "r1@x", 22),
        };

        Assert.Empty(Collect(mails));
    }
}
