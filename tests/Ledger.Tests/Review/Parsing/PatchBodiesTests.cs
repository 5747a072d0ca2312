using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class PatchBodiesTests
{
    [Fact]
    public void V9FourOfFour()
    {
        var p = PatchBodies.Parse(Corpus.Body(Corpus.Vfio("041.eml")));
        Assert.StartsWith("The VM_ALLOW_ANY_UNCACHED flag is implemented for ARM64,", p.CommitMessage);
        Assert.DoesNotContain("From:", p.CommitMessage);
        Assert.DoesNotContain("Signed-off-by", p.CommitMessage);
        Assert.Equal(["Suggested-by", "Acked-by", "Acked-by", "Acked-by", "Reviewed-by", "Reviewed-by", "Signed-off-by"], p.Trailers.Select(t => t.Name));
        Assert.Contains(p.Trailers, t => t is { Name: "Acked-by", PersonName: "Alex Williamson", Address: "alex.williamson@redhat.com" });
        Assert.Contains(p.Trailers, t => t is { Name: "Reviewed-by", PersonName: "Marc Zyngier" });
        Assert.Contains(p.Trailers, t => t is { Name: "Suggested-by", Address: "catalin.marinas@arm.com" });
        Assert.Contains("1 file changed, 18 insertions(+), 1 deletion(-)", p.Diffstat);

        var f = Assert.Single(p.Files);
        Assert.Equal("drivers/vfio/pci/vfio_pci_core.c", f.NewPath);
        Assert.False(f.IsNew || f.IsDeleted || f.IsRename || f.IsBinary);
        var h = Assert.Single(f.Hunks);
        Assert.Equal((1862, 1862), (h.OldStart, h.NewStart));
        Assert.Equal((18, 1), (h.Added.Count, h.Removed.Count));
        Assert.StartsWith("int vfio_pci_core_mmap(", h.Function);

        var c = Assert.Single(p.AddedComments);
        Assert.Equal("drivers/vfio/pci/vfio_pci_core.c", c.Path);
        Assert.StartsWith("VM_ALLOW_ANY_UNCACHED: The VMA flag is implemented for ARM64,", c.Text);
        Assert.DoesNotContain("*", c.Text);
        Assert.DoesNotContain("See remap_pfn_range()", c.Text); // context lines are not part of what the hunk adds
        Assert.Matches("^[0-9a-f]{40}$", p.PatchId!);
    }

    [Fact]
    public void PatchIdIgnoresWhitespaceAndLineNumbersButNotContent()
    {
        var v8 = PatchBodies.Parse(Corpus.Body(Corpus.Vfio("001.eml")));
        var v9 = PatchBodies.Parse(Corpus.Body(Corpus.Vfio("041.eml")));
        Assert.NotEqual(v8.PatchId, v9.PatchId); // the comment was reworded between v8 and v9

        const string a = "msg\n---\ndiff --git a/x.c b/x.c\n--- a/x.c\n+++ b/x.c\n@@ -10,2 +10,2 @@ f\n ctx\n-old\n+new  thing\n";
        const string b = "other msg\n---\ndiff --git a/x.c b/x.c\nindex 1..2 100644\n--- a/x.c\n+++ b/x.c\n@@ -99,2 +101,2 @@ g\n ctx\n-old\n+new\tthing\n";
        Assert.Equal(PatchBodies.Parse(a).PatchId, PatchBodies.Parse(b).PatchId);
        Assert.NotEqual(PatchBodies.Parse(a).PatchId, PatchBodies.Parse(a.Replace("+new", "+newer")).PatchId);
        Assert.Null(PatchBodies.Parse("just a message").PatchId);
    }

    [Fact]
    public void PatchworkMailNeverThrows()
    {
        foreach (var path in Corpus.PatchworkMails())
        {
            var msg = Corpus.Load(path);
            foreach (var text in Corpus.TextParts(msg).Append(msg.TextBody ?? ""))
            {
                var p = PatchBodies.Parse(text);
                Assert.NotNull(p.CommitMessage);
                if (PatchBodies.LooksLikePatch(text)) Assert.NotEmpty(p.Files);
            }
        }
    }

    [Fact]
    public void PullRequestKeepsTextAndDiff()
    {
        var msg = Corpus.Load(Path.Combine(Corpus.Root, "patchwork/mail/0003-git-pull-request-with-diff.mbox"));
        var p = PatchBodies.Parse(msg.TextBody!);
        Assert.Contains("are available in the git repository at", p.CommitMessage, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(p.Trailers);
        Assert.Equal(3, p.Files.Count);
    }

    [Fact]
    public void RenamesAndBinaries()
    {
        var rename = PatchBodies.Parse(Corpus.Load(Path.Combine(Corpus.Root, "patchwork/mail/0008-git-rename.mbox")).TextBody!);
        Assert.Equal(2, rename.Files.Count);
        Assert.All(rename.Files, f => Assert.True(f.IsRename && f.Hunks.Count == 0));
        Assert.EndsWith("rpi-userland-000-add-pkgconfig-files.patch", rename.Files[0].NewPath);

        var mixed = PatchBodies.Parse(Corpus.Load(Path.Combine(Corpus.Root, "patchwork/mail/0026-git-add-mixed-binary-text-files.mbox")).TextBody!);
        Assert.Equal(["pixel.bmp", "quit.sh"], mixed.Files.Select(f => f.NewPath));
        Assert.True(mixed.Files[0].IsBinary && mixed.Files[0].IsNew);
        Assert.Equal(3, mixed.Files[1].Hunks[0].Added.Count);
    }

    [Fact]
    public void CvsIndexStyleAttachment()
    {
        var msg = Corpus.Load(Path.Combine(Corpus.Root, "patchwork/mail/0007-cvs-format-diff.mbox"));
        var patch = Corpus.TextParts(msg).Single(PatchBodies.LooksLikePatch);
        var p = PatchBodies.Parse(patch);
        Assert.Contains(p.Files, f => f.NewPath == "bfd/elf-bfd.h");
        Assert.Contains(p.AddedComments, c => c.Text.StartsWith("Symbol should not be versioned."));
    }

    [Fact]
    public void PlainUnifiedDiffNotesAndB4Lines()
    {
        const string body = """
            From: Real Author <real@x.org>

            Fix the frobnicator.

            Signed-off-by: Real Author <real@x.org>
            ---
            v2: reworded comment (Jane)

             x.c | 2 +-
             1 file changed, 1 insertion(+), 1 deletion(-)

            --- a/x.c
            +++ b/x.c
            @@ -1,3 +1,5 @@
             int a;
            +// Keep this ordered: the
            +// hardware latches on write.
             int b;
            -int c;
            +int c = 1;
            -- 
            2.40.0

            base-commit: 0123456789abcdef0123456789abcdef01234567
            change-id: 20240101-frob-abc123
            """;
        var p = PatchBodies.Parse(body);
        Assert.Equal("Fix the frobnicator.", p.CommitMessage);
        Assert.Equal("v2: reworded comment (Jane)", p.Notes);
        Assert.Contains("1 file changed", p.Diffstat);
        var f = Assert.Single(p.Files);
        Assert.Equal(("x.c", "x.c"), (f.OldPath, f.NewPath));
        Assert.Equal(["int c;"], f.Hunks[0].Removed);
        Assert.Equal("Keep this ordered: the\nhardware latches on write.", Assert.Single(p.AddedComments).Text);
        Assert.Equal("20240101-frob-abc123", p.ChangeId);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", p.BaseCommit);
    }

    [Fact]
    public void CoverLetterHasNoDiff()
    {
        var body = Corpus.Body(Corpus.Vfio("042.eml"));
        Assert.False(PatchBodies.LooksLikePatch(body));
        var p = PatchBodies.Parse(body);
        Assert.Empty(p.Files);
        Assert.Null(p.PatchId);
        Assert.Contains("Normal-NC", p.CommitMessage);
    }

    [Fact]
    public void EveryVfioMailParses()
    {
        foreach (var path in Corpus.VfioMails())
        {
            var msg = Corpus.Load(path);
            var p = PatchBodies.Parse(msg.TextBody ?? "");
            var isPatch = (msg.Subject ?? "").StartsWith('[') && !(msg.Subject ?? "").Contains(" 0/");
            if (isPatch) Assert.True(p.Files.Count > 0 && p.Trailers.Any(t => t.Name == "Signed-off-by"), path);
        }
    }
}
