using Ledger.Core.Archive;
using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Threads;

namespace Ledger.Tests.Review.Parsing;

/// <summary>A build robot's report answers a patch with one finding, not with the praise and rewordings its template reads as.</summary>
public class AutomatedReportsTests
{
    private const string Author = "author@example.org";

    private const string Report = """
        Hi Oliver,

        I love your patch! Perhaps something to improve:

        [auto build test WARNING on 247f34f7b80357943234f93f247a1ae6b6c3a740]

        url:    https://github.com/intel-lab-lkp/linux/commits/Oliver-Upton/KVM-arm64-Parallel/20221028-062442
        config: arm64-randconfig-s053-20221026
        reproduce:
                git checkout aa16a7f1a37320ca39f3e58ece728c3c2ee67d76
                make.cross C=1 O=build_dir ARCH=arm64 SHELL=/bin/bash arch/arm64/kvm/

        If you fix the issue, kindly add following tag where applicable
        | Reported-by: kernel test robot <lkp@intel.com>

        sparse warnings: (new ones prefixed by >>)
        >> arch/arm64/kvm/mmu.c:650:36: sparse: sparse: incorrect type in initializer (different address spaces)
           arch/arm64/kvm/mmu.c:650:36: sparse:     expected unsigned long long [noderef] __rcu *pgd

        vim +650 arch/arm64/kvm/mmu.c

        --
        0-DAY CI Kernel Test Service
        https://01.org/lkp
        """;

    private static ParsedMail Mail(string id, string from, string subject, string body, string? inReplyTo, int minute) =>
        TestMail.Parse(id, from, subject, body, inReplyTo, new DateTimeOffset(2021, 3, 1, 10, minute, 0, TimeSpan.Zero));

    private static IReadOnlyList<DetectedAct> ActsOf(IReadOnlyList<ParsedMail> mails, string id) => TestMail.ActsOf(mails, id, Author);

    private static readonly ParsedMail Patch = Mail("p1@x", Author, "[PATCH v3 08/15] KVM: arm64: Protect stage-2 traversal with RCU",
        "Use RCU.\n\nSigned-off-by: A <author@example.org>\n---\n", null, 0);

    [Fact]
    public void The_finding_is_the_first_new_diagnostic() =>
        Assert.Equal("arch/arm64/kvm/mmu.c:650:36: sparse: sparse: incorrect type in initializer (different address spaces)", AutomatedReports.Finding(Report));

    [Fact]
    public void A_patchew_report_without_a_diagnostic_is_found_by_its_headline()
    {
        const string patchew = "Patchew URL: https://patchew.org/QEMU/1569338511-3572-1-git-send-email-guoheyi@huawei.com/\n\n\n\nHi,\n\n"
            + "This series failed the docker-quick@centos7 build test. Please find the testing commands and\ntheir output below.\n\n"
            + "=== TEST SCRIPT BEGIN ===\n#!/bin/bash\nmake docker-image-centos7 V=1 NETWORK=1\n=== TEST SCRIPT END ===\n";
        Assert.True(AutomatedReports.IsReport(patchew));
        Assert.StartsWith("This series failed the docker-quick@centos7 build test.", AutomatedReports.Finding(patchew));
    }

    [Fact]
    public void A_robot_confirming_a_fix_reports_nothing() =>
        Assert.False(AutomatedReports.IsReport("Hello,\n\nsyzbot has tested the proposed patch and the reproducer did not trigger any issue:\n\n"
            + "Reported-and-tested-by: syzbot+6bde52d89cfdf9f61425@syzkaller.appspotmail.com\n"));

    [Fact]
    public void A_robot_report_is_one_objection()
    {
        var report = Mail("r1@x", "lkp@intel.com", "Re: [PATCH v3 08/15] KVM: arm64: Protect stage-2 traversal with RCU", Report, "p1@x", 1);
        var act = Assert.Single(ActsOf([Patch, report], "r1@x"));
        Assert.Equal((ActType.Objection, "objection.automated-report"), (act.Type, act.Rule));
        Assert.StartsWith("arch/arm64/kvm/mmu.c:650:36", act.Text);
    }

    [Fact]
    public void A_human_who_quotes_a_report_is_read_for_what_they_say()
    {
        var quoting = string.Join("\n", Report.Split('\n').Take(6).Select(l => "> " + l)) + "\n\nThis is a false positive, the pointer is never dereferenced.\n";
        var answer = Mail("a1@x", Author, "Re: [PATCH v3 08/15] KVM: arm64: Protect stage-2 traversal with RCU", quoting, "p1@x", 2);
        Assert.DoesNotContain(ActsOf([Patch, answer], "a1@x"), a => a.Rule == "objection.automated-report");
    }
}
