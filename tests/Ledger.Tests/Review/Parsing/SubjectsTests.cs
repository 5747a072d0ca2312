using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class SubjectsTests
{
    [Fact]
    public void RfcCover()
    {
        var s = Subjects.Parse("[RFC PATCH v3 0/7] mm: do a thing");
        Assert.True(s.IsPatch && s.IsRfc && !s.IsReply);
        Assert.Equal((3, 0, 7), (s.Version, s.Index, s.Total));
        Assert.Equal("mm: do a thing", s.Title);
    }

    [Fact]
    public void ResendWithVersion()
    {
        var s = Subjects.Parse("[PATCH RESEND v4] foo: bar");
        Assert.True(s.IsResend && s.IsPatch);
        Assert.Equal(4, s.Version);
        Assert.Equal((0, 0), (s.Index, s.Total));
    }

    [Fact]
    public void TreeTagBeforeVersion()
    {
        var s = Subjects.Parse("[PATCH net-next v2 3/5] net: tweak");
        Assert.Equal(["net-next"], s.Tags);
        Assert.Equal((2, 3, 5), (s.Version, s.Index, s.Total));
    }

    [Fact]
    public void ProjectTagBeforePatch()
    {
        var s = Subjects.Parse("[kvm-unit-tests PATCH] x86: test it");
        Assert.True(s.IsPatch);
        Assert.Equal(1, s.Version);
        Assert.Equal(["kvm-unit-tests"], s.Tags);
        Assert.Equal("x86: test it", s.Title);
    }

    [Theory]
    [InlineData("[GIT PULL] KVM/arm64 updates for 6.9")]
    [InlineData("[git pull] Please pull powerpc.git next branch")]
    [InlineData("Re: [GIT PULL] KVM/arm64 updates for 6.9")]
    public void PullRequests(string subject) => Assert.True(Subjects.Parse(subject).IsPullRequest);

    [Fact]
    public void ReplyToSeriesPatch()
    {
        var s = Subjects.Parse("Re: [PATCH v7 4/4] vfio: convey kvm that the vfio-pci device is wc safe");
        Assert.True(s.IsReply && s.IsPatch);
        Assert.Equal((7, 4, 4), (s.Version, s.Index, s.Total));
        Assert.Equal("vfio: convey kvm that the vfio-pci device is wc safe", s.Title);
    }

    [Theory]
    [InlineData("AW: RE: Fwd: [PATCH]   foo   bar", "foo bar", true)]
    [InlineData("Fwd: [PATCH] foo", "foo", false)]
    [InlineData("[Buildroot] [PATCH 01/11] package/rpi-userland: rename patches", "package/rpi-userland: rename patches", false)]
    [InlineData("[PATCHv2 2/3] foo", "foo", false)]
    [InlineData("", "", false)]
    [InlineData("[PATCH v99999999999999] huge", "huge", false)]
    public void Prefixes(string subject, string title, bool reply)
    {
        var s = Subjects.Parse(subject);
        Assert.Equal(title, s.Title);
        Assert.Equal(reply, s.IsReply);
    }

    [Theory]
    [InlineData("[PATCH RFCv2 1/9] arm64: probe", 2, true)]
    [InlineData("[RFC-v3 PATCH] arm64: probe", 3, true)]
    [InlineData("[PATCH V5 (RESEND) 0/4] arm64: probe", 5, false)]
    public void RfcAndResendSpellings(string subject, int version, bool rfc)
    {
        var s = Subjects.Parse(subject);
        Assert.Equal((version, rfc), (s.Version, s.IsRfc));
        Assert.Equal(subject.Contains("RESEND"), s.IsResend);
        Assert.Empty(s.Tags);
    }

    [Theory]
    [InlineData("[PATCH stable v4.9] arm64: entry: place an SB sequence", 1, "v4.9")]
    [InlineData("[PATCH stable v4.9 v2] arm64: entry: place an SB sequence", 2, "v4.9")]
    [InlineData("[PATCH stable 4.19.y] arm64: entry: place an SB sequence", 1, "4.19.y")]
    public void A_stable_branch_is_no_version(string subject, int version, string branch)
    {
        var s = Subjects.Parse(subject);
        Assert.Equal(version, s.Version);
        Assert.Contains(branch, s.Tags);
        Assert.Equal("", s.Project);
    }

    [Theory]
    [InlineData("[kvm-unit-tests PATCH v2 1/8] arm64: microbench", "kvm-unit-tests")]
    [InlineData("[PATCH kvmtool 1/9] linux/err.h: add an include", "kvmtool")]
    [InlineData("[PATCH net-next v2 3/5] net: tweak", "")]
    public void The_repository_a_patch_is_for(string subject, string project) => Assert.Equal(project, Subjects.Parse(subject).Project);

    [Fact]
    public void PatchvNGluedVersion() => Assert.Equal(2, Subjects.Parse("[PATCHv2 2/3] foo").Version);

    [Fact]
    public void TitlesCompareAcrossVersions()
    {
        var v8 = Subjects.Parse("[PATCH v8 4/4] vfio: convey kvm that the vfio-pci device is wc safe").Title;
        var v9 = Subjects.Parse("[PATCH v9 4/4] vfio: Convey kvm that the vfio-pci device is wc safe.").Title;
        Assert.Equal(Subjects.NormalizeTitle(v8), Subjects.NormalizeTitle(v9));
    }

    [Fact]
    public void EveryCorpusSubjectParses()
    {
        foreach (var path in Corpus.VfioMails())
        {
            var s = Subjects.Parse(Corpus.Load(path).Subject ?? "");
            Assert.True(s.IsPatch, path);
            Assert.InRange(s.Version, 1, 9);
            Assert.DoesNotContain("[", s.Title);
        }
    }
}
