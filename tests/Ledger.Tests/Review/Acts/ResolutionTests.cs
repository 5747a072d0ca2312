using Ledger.Core.Archive;
using Ledger.Core.Review;

namespace Ledger.Tests.Review.Acts;

/// <summary>Whether the next version addressed a review point, decided from what it changed (<see cref="Core.Review.Acts.Resolution"/>).</summary>
public class ResolutionTests
{
    private const string Author = "author@example.org";
    private const string Reviewer = "reviewer@example.org";

    private static ParsedMail Mail(string id, string from, string subject, string body, string? inReplyTo, int day) =>
        TestMail.Parse(id, from, subject, body, inReplyTo, new DateTimeOffset(2021, 3, day, 10, 0, 0, TimeSpan.Zero));

    private const string Title = "KVM: arm64: free unlinked stage-2 tables";

    private static string Patch(params string[] added) =>
        $"Tear down unlinked subtrees after break-before-make.\n\nSigned-off-by: A <{Author}>\n---\n" +
        " arch/arm64/kvm/hyp/pgtable.c | 5 +++++\n 1 file changed\n\n" +
        "diff --git a/arch/arm64/kvm/hyp/pgtable.c b/arch/arm64/kvm/hyp/pgtable.c\n" +
        "--- a/arch/arm64/kvm/hyp/pgtable.c\n+++ b/arch/arm64/kvm/hyp/pgtable.c\n" +
        $"@@ -10,6 +10,{6 + added.Length} @@ static int stage2_map_walker(u64 addr)\n" +
        " \tint ret;\n \n" + string.Concat(added.Select(l => "+" + l + "\n")) + " \treturn ret;\n }\n";

    private static readonly string[] V1 =
    [
        "\tchildp = kvm_pte_follow(ctx->old, mm_ops);",
        "\tret = stage2_try_break_pte(ctx, data->mmu);",
        "\tif (ret)",
        "\t\treturn ret;",
    ];

    private const string Quote = "> +\tret = stage2_try_break_pte(ctx, data->mmu);\n> +\tif (ret)\n> +\t\treturn ret;\n\n";

    private static List<object> Interpret(string[] v2Added, string reviewText, string quote = Quote)
    {
        var v1 = Mail("v1@x", Author, $"[PATCH] {Title}", Patch(V1), null, 1);
        var review = Mail("r1@x", Reviewer, $"Re: [PATCH] {Title}", $"{quote}{reviewText}\n", "v1@x", 2);
        var v2 = Mail("v2@x", Author, $"[PATCH v2] {Title}", Patch(v2Added), null, 9);
        return Assert.Single(Interpretation.Interpret([v1, review, v2])).Events.ToList();
    }

    /// <summary>The resolution of the review's point (whatever type the rules read it as: question, objection, suggestion).</summary>
    private static ReviewActResolved ResolutionOf(List<object> events)
    {
        var acts = events.OfType<ReviewActDetected>().Where(a => a.MessageId == "r1@x").Select(a => a.ActId).ToHashSet();
        return Assert.Single(events.OfType<ReviewActResolved>(), r => acts.Contains(r.ActId));
    }

    [Fact]
    public void A_diff_proposed_inline_is_adopted_by_the_patch_that_makes_it_even_a_new_one()
    {
        const string doc = "diff --git a/Documentation/virt/kvm/api.rst b/Documentation/virt/kvm/api.rst\n--- a/Documentation/virt/kvm/api.rst\n"
            + "+++ b/Documentation/virt/kvm/api.rst\n@@ -1381,3 +1381,5 @@\n allocation and is deprecated.\n \n"
            + "+Note: on arm64, a page-table walker write to a read-only memslot\n+is injected as an abort, not reported as an MMIO exit.\n \n";
        var v1 = Mail("v1@x", Author, $"[PATCH] {Title}", Patch(V1), null, 1);
        var review = Mail("r1@x", Reviewer, $"Re: [PATCH] {Title}",
            "> Tear down unlinked subtrees after break-before-make.\n\nThe API document should say so. How about something like this?\n\n" + doc, "v1@x", 2);
        var cover = Mail("v2-0@x", Author, $"[PATCH v2 0/2] {Title}", "Changes since v1: document the abort.", null, 9);
        var v2a = Mail("v2-1@x", Author, $"[PATCH v2 1/2] {Title}", Patch(V1), "v2-0@x", 9);
        // The same change against another base: other context lines and hunk numbers.
        var v2b = Mail("v2-2@x", Author, $"[PATCH v2 2/2] KVM: arm64: document the abort on read-only memslots",
            $"Say what userspace sees.\n\nSigned-off-by: A <{Author}>\n---\n"
            + doc.Replace("@@ -1381,3 +1381,5 @@\n allocation and is deprecated.", "@@ -1354,3 +1354,5 @@\n example is madvise(MADV_DROP)."), "v2-0@x", 9);

        var events = Assert.Single(Interpretation.Interpret([v1, review, cover, v2a, v2b])).Events.ToList();
        var acts = events.OfType<ReviewActDetected>().Where(a => a.MessageId == "r1@x" && a.Type == "suggestion").Select(a => a.ActId).ToHashSet();
        var resolved = Assert.Single(events.OfType<ReviewActResolved>(), r => acts.Contains(r.ActId));
        Assert.Equal("addressed", resolved.Status);
        Assert.Equal("v2-2@x", resolved.EvidenceMessageId);
        Assert.Equal("resolution.diff-adopted", resolved.Provenance.Rule);
    }

    [Fact]
    public void A_suggestion_the_author_answers_further_down_its_sub_thread_is_answered()
    {
        var v1 = Mail("v1@x", Author, $"[PATCH] {Title}", Patch(V1), null, 1);
        var review = Mail("r1@x", Reviewer, $"Re: [PATCH] {Title}", $"{Quote}Please use a helper for the break-before-make dance.\n", "v1@x", 2);
        var more = Mail("r2@x", Reviewer, $"Re: [PATCH] {Title}", "> Please use a helper for the break-before-make dance.\n\nThe unmap path open-codes it too.\n", "r1@x", 2);
        var answer = Mail("r3@x", Author, $"Re: [PATCH] {Title}", "> The unmap path open-codes it too.\n\nI'd rather keep both open-coded, they differ in the TLBI they need.\n", "r2@x", 3);

        var events = Assert.Single(Interpretation.Interpret([v1, review, more, answer])).Events.ToList();
        var acts = events.OfType<ReviewActDetected>().Where(a => a.MessageId == "r1@x" && a.Type == "suggestion").Select(a => a.ActId).ToHashSet();
        var resolved = Assert.Single(events.OfType<ReviewActResolved>(), r => acts.Contains(r.ActId));
        Assert.Equal("answered", resolved.Status);
        Assert.Equal("r3@x", resolved.EvidenceMessageId);
    }

    [Fact]
    public void A_hunk_that_changed_around_the_quoted_lines_addressed_the_point()
    {
        // The quoted lines stay; v2 frees the table the reviewer said was leaked, in the same hunk.
        var events = Interpret([.. V1.Take(2), "\tif (ret) {", "\t\tmm_ops->put_page(childp);", "\t\treturn ret;", "\t}"],
            "Doesn't this leak the table page when the break fails? Please free it on the error path.");
        var resolved = ResolutionOf(events);
        Assert.Equal("addressed", resolved.Status);
        Assert.Equal("v2@x", resolved.EvidenceMessageId);
        Assert.Equal("resolution.hunk-changed", resolved.Provenance.Rule);
    }

    [Fact]
    public void A_hunk_left_as_it_was_did_not_address_the_point()
    {
        var events = Interpret(V1, "Doesn't this leak the table page when the break fails? Please free it on the error path.");
        var resolved = ResolutionOf(events);
        Assert.Equal("not-addressed", resolved.Status);
    }

    private const string BuildFailure = "This fails to build:\n\narch/arm64/kvm/hyp/pgtable.c:14:9: error: 'childp' undeclared (first use in this function)";

    [Fact]
    public void A_reported_build_failure_is_addressed_by_a_change_to_the_file_it_names()
    {
        var events = Interpret([.. V1, "\tmm_ops->put_page(childp);"], BuildFailure, quote: "");
        var resolved = ResolutionOf(events);
        Assert.Equal(("addressed", "resolution.reported-file-changed"), (resolved.Status, resolved.Provenance.Rule));
        Assert.Equal("v2@x", resolved.EvidenceMessageId);
    }

    [Fact]
    public void A_reported_build_failure_with_the_file_left_as_it_was_is_not_addressed() =>
        Assert.Equal("not-addressed", ResolutionOf(Interpret(V1, BuildFailure, quote: "")).Status);
}
