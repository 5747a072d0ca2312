using Ledger.Core.Archive;
using Ledger.Core.Review.Series;
using Ledger.Core.Review.Threads;

namespace Ledger.Tests.Review.Series;

public class LineageLinkingTests
{
    private static ParsedMail Mail(string id, string subject, string? inReplyTo, int day) =>
        TestMail.Parse(id, "author@example.org", subject, "Text.\n\nSigned-off-by: A <author@example.org>\n---\n", inReplyTo,
            new DateTimeOffset(2021, 11, day, 10, 0, 0, TimeSpan.Zero));

    /// <summary>A cover and two patches threaded under it, posted on one day.</summary>
    private static IEnumerable<ParsedMail> Posting(string prefix, string id, string title, int day) =>
    [
        Mail($"{id}-0@x", $"[{prefix} 0/2] {title}", null, day),
        Mail($"{id}-1@x", $"[{prefix} 1/2] arm64: record the PMU of each CPU", $"{id}-0@x", day),
        Mail($"{id}-2@x", $"[{prefix} 2/2] arm64: let userspace pick the PMU", $"{id}-0@x", day),
    ];

    private static List<Lineage> Link(IEnumerable<ParsedMail> mails)
    {
        var index = new MailIndex(mails.ToList());
        return LineageLinking.Link(index, SeriesGrouping.Group(index));
    }

    [Fact]
    public void versions_of_one_series_with_the_same_title_form_one_lineage()
    {
        var lineage = Assert.Single(Link([
            .. Posting("PATCH", "k1", "KVM: arm64: Improve PMU support on heterogeneous systems", 15),
            .. Posting("PATCH v2", "k2", "KVM: arm64: Improve PMU support on heterogeneous systems", 22)]));
        Assert.Equal([1, 2], lineage.Versions.Select(v => v.Version));
    }

    [Fact]
    public void a_kvmtool_companion_series_under_the_same_title_is_its_own_lineage()
    {
        var lineages = Link([
            .. Posting("PATCH", "k1", "KVM: arm64: Improve PMU support on heterogeneous systems", 15),
            .. Posting("PATCH kvmtool", "t1", "arm64: Improve PMU support on heterogeneous systems", 15),
            .. Posting("PATCH v2", "k2", "KVM: arm64: Improve PMU support on heterogeneous systems", 22),
            .. Posting("PATCH v2 kvmtool", "t2", "arm64: Improve PMU support on heterogeneous systems", 22)]);

        Assert.Equal(2, lineages.Count);
        var kernel = Assert.Single(lineages, l => l.Versions[0].Project == "");
        var kvmtool = Assert.Single(lineages, l => l.Versions[0].Project == "kvmtool");
        Assert.Equal(["k1-0@x", "k2-0@x"], kernel.Versions.Select(v => v.Id));
        Assert.Equal(["t1-0@x", "t2-0@x"], kvmtool.Versions.Select(v => v.Id));
    }

    [Fact]
    public void a_pull_request_carrying_a_patch_is_no_version_of_its_lineage()
    {
        const string diff = "diff --git a/arch/arm64/kvm/vgic/vgic-irqfd.c b/arch/arm64/kvm/vgic/vgic-irqfd.c\n--- a/arch/arm64/kvm/vgic/vgic-irqfd.c\n"
            + "+++ b/arch/arm64/kvm/vgic/vgic-irqfd.c\n@@ -107,3 +107,4 @@\n bool line_status)\n {\n+\tif (!level) return -EWOULDBLOCK;\n \n";
        static ParsedMail WithDiff(string id, string subject, string? inReplyTo, int day, string change = "\tif (!level) return -EWOULDBLOCK;") =>
            TestMail.Parse(id, "author@example.org", subject, "Inject SPIs in atomic context.\n\nSigned-off-by: A <author@example.org>\n---\n"
                + diff.Replace("\tif (!level) return -EWOULDBLOCK;", change), inReplyTo, new DateTimeOffset(2020, 6, day, 10, 0, 0, TimeSpan.Zero));

        var lineages = Link([
            // v2 changed the code; the pull carries v2 as applied, so only v2 shares its patch-id with the pull.
            WithDiff("spi-v1@x", "[PATCH] KVM: arm64: Allow in-atomic injection of SPIs", null, 1, "\tif (!level) return -EINVAL;"),
            WithDiff("spi-v2@x", "[PATCH v2] KVM: arm64: Allow in-atomic injection of SPIs", null, 15),
            Mail("pull@x", "[GIT PULL] KVM/arm64 updates for 5.9", null, 25),
            Mail("pull-1@x", "[PATCH 1/2] KVM: arm64: Enable address authentication at EL2", "pull@x", 25),
            WithDiff("pull-2@x", "[PATCH 2/2] KVM: arm64: Allow in-atomic injection of SPIs", "pull@x", 25)]);

        var spi = Assert.Single(lineages, l => l.Versions.Any(v => v.Id == "spi-v1@x"));
        Assert.Equal(["spi-v1@x", "spi-v2@x"], spi.Versions.Select(v => v.Id));
        Assert.DoesNotContain(lineages, l => l.Versions.Any(v => v.Id == "pull-1@x") && l.Versions.Any(v => v.Id == "spi-v2@x"));
    }

    [Fact]
    public void a_retitled_v2_in_a_new_thread_joins_the_posting_that_touched_the_same_files()
    {
        static ParsedMail Touching(string id, string subject, string file, int day) =>
            TestMail.Parse(id, "author@example.org", subject, $"Text.\n\nSigned-off-by: A <author@example.org>\n---\n"
                + $"diff --git a/{file} b/{file}\n--- a/{file}\n+++ b/{file}\n@@ -1,2 +1,2 @@\n int x;\n-int y = {day};\n+int y = {day + 1};\n",
                null, new DateTimeOffset(2019, 6, day, 10, 0, 0, TimeSpan.Zero));

        var lineages = Link([
            Touching("v1@x", "[PATCH] KVM: arm64: Drop 'const' from argument of vq_present()", "arch/arm64/kvm/guest.c", 4),
            Touching("other@x", "[PATCH] KVM: arm64: Fix the reset of the debug registers", "arch/arm64/kvm/sys_regs.c", 5),
            Touching("v2@x", "[PATCH V2] KVM: arm64: Implement vq_present() as a macro", "arch/arm64/kvm/guest.c", 10)]);

        var sve = Assert.Single(lineages, l => l.Versions.Any(v => v.Id == "v2@x"));
        Assert.Equal(["v1@x", "v2@x"], sve.Versions.Select(v => v.Id));
        Assert.Single(lineages, l => l.Versions.Count == 1 && l.Versions[0].Id == "other@x");
    }
}
