using Ledger.Core.Review.Parsing;

namespace Ledger.Tests.Review.Parsing;

public class RepliesTests
{
    [Fact]
    public void AlexReviewOfV7()
    {
        var r = Replies.Split(Corpus.Body(Corpus.Vfio("003.eml")));
        Assert.Equal("On Sun, 11 Feb 2024 23:17:05 +0530 <ankita@nvidia.com> wrote:", r.Attribution);
        var s = Assert.Single(r.Segments); // the quoted tail of the patch has no answer and is dropped
        Assert.StartsWith("That's a pretty superficial comment.", s.Text);
        Assert.Contains("is that correct?", s.Text);
        Assert.Contains("Set an additional flag VM_ALLOW_ANY_UNCACHED to convey kvm that", s.QuotedContext);
        Assert.DoesNotContain("> ", s.QuotedContext);
        Assert.DoesNotContain("vm_flags_set", r.Unquoted);
    }

    [Fact]
    public void NestedQuotesContextIsTheMessageRepliedTo()
    {
        var r = Replies.Split(Corpus.Body(Corpus.Vfio("002.eml")));
        Assert.Equal(2, r.Segments.Count);
        // Jason answers Alex's proposal (depth 1), not the patch hunk Alex quoted (depth 2).
        Assert.Contains("maybe something like:", r.Segments[0].QuotedContext);
        Assert.DoesNotContain("vfio_pci_core.c", r.Segments[0].QuotedContext);
        Assert.DoesNotContain("^^^^", r.Segments[0].Text);
        Assert.StartsWith("Sure, if you want to elaborate more", r.Segments[0].Text);
        Assert.Contains("is that correct?", r.Segments[1].QuotedContext);
        Assert.EndsWith("Jason", r.Segments[1].Text);
        Assert.Equal([0, 1], r.Segments.Select(x => x.Index));
    }

    [Fact]
    public void SignatureIsRemoved()
    {
        var r = Replies.Split(Corpus.Body(Corpus.Vfio("007.eml")));
        Assert.DoesNotContain("Cheers", r.Unquoted);
        Assert.Contains("Reviewed-by: David Hildenbrand <david@redhat.com>", r.Unquoted);
        Assert.DoesNotContain(r.Segments, s => s.Text.Contains("dhildenb"));
    }

    [Fact]
    public void The_lists_footer_is_nobodys_words()
    {
        // Sean Christopherson's bare review tag on kvmarm, as the list delivered it (no signature delimiter).
        const string body = "On Wed, Feb 09, 2022, Chao Gao wrote:\n> Improve KVM's interaction with CPU hotplug.\n\n"
            + "Reviewed-by: Sean Christopherson <seanjc@google.com>\n_______________________________________________\n"
            + "kvmarm mailing list\nkvmarm@lists.cs.columbia.edu\nhttps://lists.cs.columbia.edu/mailman/listinfo/kvmarm\n";
        var r = Replies.Split(body);
        Assert.Equal("Reviewed-by: Sean Christopherson <seanjc@google.com>", Assert.Single(r.Segments).Text);
        Assert.DoesNotContain("mailing list", r.Unquoted);
        // A rule of underscores in the text itself stays.
        Assert.Contains("____", Replies.Split("A table:\n________________________\n| a | b |\n").Unquoted);
    }

    [Fact]
    public void InlineEdgeCases()
    {
        const string body = "Hi,\n\n> first\n>> older\n> second\n\n[...]\n\nMy answer.\n\n>quoted without space\nTail.\n\n> trailing quote\n-- \nsig\n";
        var r = Replies.Split(body);
        Assert.Null(r.Attribution);
        Assert.Equal(["Hi,", "My answer.", "Tail."], r.Segments.Select(s => s.Text));
        Assert.Equal("first\nsecond", r.Segments[1].QuotedContext);
        Assert.Equal("quoted without space", r.Segments[2].QuotedContext);
        Assert.DoesNotContain("sig", r.Unquoted);
    }

    [Fact]
    public void QuoteBlocksByDepth()
    {
        var blocks = Replies.Quotes("> a\n> > b\n>> c\n> d\ntext\n");
        Assert.Equal([1, 2, 1], blocks.Select(b => b.Depth));
        Assert.Equal(["> b", "> c"], blocks[1].QuotedLines);
    }

    [Fact]
    public void EveryVfioReplySplits()
    {
        foreach (var path in Corpus.VfioMails())
        {
            var msg = Corpus.Load(path);
            if (!(msg.Subject ?? "").StartsWith("Re:")) continue;
            var r = Replies.Split(msg.TextBody ?? "");
            Assert.NotEmpty(r.Segments);
            Assert.All(r.Segments, s => Assert.DoesNotContain("\n> ", "\n" + s.Text));
        }
    }

    [Fact]
    public void QuoteDepthIsWhatTheQuoteMarkerPatternMatches()
    {
        var random = new Random(3);
        const string alphabet = "> \t>a";
        for (var n = 0; n < 5000; n++)
        {
            var line = new string(Enumerable.Range(0, random.Next(0, 10)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^((?:[ \t]?>)+)[ \t]?");
            var depth = Replies.Depth(line, out var stripped);
            Assert.Equal(m.Success ? m.Groups[1].Value.Count(c => c == '>') : 0, depth);
            Assert.Equal(m.Success ? line[m.Length..] : line, stripped);
        }
    }
}
