using System.Text.Json;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>`ledger changelog`, `rationale`, `trailers`, `acts`, `series` on the real thread: the review behind each line.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenWritingChangelogAndRationale(LedgerDatabase db)
{
    private const string AlexV7Rewording = "20240212100502.2b5009e4.alex.williamson@redhat.com";
    private const string JasonV7RevisedText = "20240212172001.GE4048826@nvidia.com";
    private const string V8Patch2 = "20240220072926.6466-3-ankita@nvidia.com";
    private const string V8Patch4 = "20240220072926.6466-5-ankita@nvidia.com";

    private static IEnumerable<JsonElement> Changes(JsonElement changelog, int version) =>
        changelog.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version).GetProperty("changes").EnumerateArray();

    [Fact]
    public async Task the_nine_versions_form_one_lineage()
    {
        await db.ImportedVfioThread();
        var series = await db.JsonAsync("series");
        var lineage = Assert.Single(series.EnumerateArray());
        Assert.Equal(Enumerable.Range(1, 9), lineage.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task v8_credits_the_reworded_comment_and_commit_message_to_alex_and_jason_in_v7()
    {
        await db.ImportedVfioThread();
        var changes = Changes(await db.JsonAsync("changelog", LedgerScenario.V9Cover, "--version", "8"), 8).ToList();
        bool Credits(string patch, string part, string message) => changes.Any(c => c.GetProperty("patch").GetString() == patch
            && c.GetProperty("summary").GetString()!.Contains(part) && c.GetProperty("prompted_by").GetString() == message);
        Assert.True(Credits("4/4", "comment in drivers/vfio/pci/vfio_pci_core.c", AlexV7Rewording));
        Assert.True(Credits("4/4", "comment in drivers/vfio/pci/vfio_pci_core.c", JasonV7RevisedText));
        Assert.True(Credits("2/4", "commit message", JasonV7RevisedText));
        Assert.Contains(changes, c => c.GetProperty("summary").GetString()!.StartsWith("collected Reviewed-by: David Hildenbrand"));
        Assert.All(changes.Where(c => c.GetProperty("prompted_by").ValueKind == JsonValueKind.String),
            c => Assert.False(string.IsNullOrEmpty(c.GetProperty("reviewer").GetString())));
    }

    [Fact]
    public async Task a_version_that_restated_its_text_is_compared_patch_by_patch_with_the_next()
    {
        // Marc Zyngier's PMU event filtering (kvmarm, 2020): v2 changed only code, so it has no rationale revision of
        // its own; v3 reworded the commit message of v2 1/2 (now 3/5) and the comments of its files.
        string[] covers = ["20200214183615.25498-1-maz@kernel.org", "20200309124837.19908-1-maz@kernel.org", "20200908075830.1161921-1-maz@kernel.org"];
        await db.ImportedKvmarmMail("pmu-filtering", m => covers.Contains(m.MessageId) || m.References.Any(covers.Contains) || covers.Contains(m.InReplyTo));
        var changes = Changes(await db.JsonAsync("changelog", covers[0], "--version", "3"), 3)
            .Select(c => (Patch: c.GetProperty("patch").GetString()!, Summary: c.GetProperty("summary").GetString()!)).ToList();

        Assert.Contains(changes, c => c.Patch == "1/5" && c.Summary.StartsWith("new patch:"));
        Assert.DoesNotContain(changes, c => c.Patch == "3/5" && c.Summary.StartsWith("added commit message"));
        // One line per part of a patch, however many comments one file gained.
        var parts = changes.Where(c => c.Summary.Contains(" comment in ") || c.Summary.Contains("commit message"))
            .Select(c => (c.Patch, Part: c.Summary.Split(',')[0].Split(" (")[0])).ToList();
        Assert.NotEmpty(parts);
        Assert.Equal(parts.Count, parts.Distinct().Count());
    }

    [Fact]
    public async Task a_fix_made_around_the_lines_a_reviewer_quoted_is_credited_to_the_reviewer_and_the_author_credits_no_one_by_asking()
    {
        // Oliver Upton's parallel stage-2 faults (kvmarm, 2022): "v4 -> v5: Fix an obvious leak of table memory (Ricardo)".
        // In v3's thread the author asked questions of his own, which v4 then "addressed".
        string[] covers = ["20221027221752.1683510-1-oliver.upton@linux.dev", "20221103091140.1040433-1-oliver.upton@linux.dev", "20221107215644.1895162-1-oliver.upton@linux.dev"];
        await db.ImportedKvmarmMail("parallel-faults", m => covers.Contains(m.MessageId) || m.References.Any(covers.Contains) || covers.Contains(m.InReplyTo));
        var changelog = await db.JsonAsync("changelog", covers[2], "--range", "3..5");

        Assert.Contains(Changes(changelog, 5), c => c.GetProperty("summary").GetString()!.StartsWith("code changed")
            && c.GetProperty("reviewer").GetString() == "Ricardo Koller");
        Assert.DoesNotContain(Changes(changelog, 4).Concat(Changes(changelog, 5)), c => c.GetProperty("reviewer").GetString() == "Oliver Upton");
    }

    [Fact]
    public async Task a_patch_replaced_in_its_place_is_new_and_collects_the_review_given_on_its_inline_diff()
    {
        // Marc Zyngier's S1PTW fixes (kvmarm, 2022-12 -> 2023-01): v1 2/3 (TCR_HA) was dropped; v2 2/3 documents the RO memslot
        // behaviour with the api.rst diff Marc proposed inline in v1 1/3's thread, on which Oliver Upton gave his Reviewed-by.
        string[] covers = ["20221220200923.1532710-1-maz@kernel.org", "20230103100904.3232426-1-maz@kernel.org"];
        await db.ImportedKvmarmMail("s1ptw", m => covers.Any(c => m.MessageId.StartsWith(c[..^("1-maz@kernel.org".Length)], StringComparison.Ordinal))
            || m.References.Any(covers.Contains) || m.References.Any(r => r.StartsWith("20221220200923.1532710-", StringComparison.Ordinal)));
        var changes = Changes(await db.JsonAsync("changelog", covers[1], "--version", "2"), 2)
            .Select(c => (Patch: c.GetProperty("patch").GetString()!, Summary: c.GetProperty("summary").GetString()!)).ToList();

        Assert.Contains(changes, c => c.Patch == "2/3" && c.Summary.StartsWith("new patch: KVM: arm64: Document the behaviour of S1PTW faults"));
        Assert.Contains(changes, c => c.Summary.StartsWith("dropped patch: KVM: arm64: Handle S1PTW translation with TCR_HA set as a write"));
        Assert.DoesNotContain(changes, c => c.Summary.StartsWith("subject:"));
        Assert.Contains(changes, c => c.Patch == "2/3" && c.Summary == "collected Reviewed-by: Oliver Upton <oliver.upton@linux.dev>");
    }

    [Fact]
    public async Task a_changed_part_is_credited_only_to_reviews_that_quoted_it()
    {
        // Raghavendra Rao Ananta's hypercall services selection (kvmarm, 2022), v6 -> v7. Reiji Watanabe's suggestion on
        // v6 2/9 quotes the author's answer, not the patch; Gavin Shan's "Some nits" quotes the diffstat. Neither quoted
        // the comments v7 reworded, which Gavin's own "s/Descriptor/Descriptor of" rewording did.
        string[] covers = ["20220423000328.2103733-1-rananta@google.com", "20220502233853.1233742-1-rananta@google.com"];
        await db.ImportedKvmarmMail("hypercall-services", m => covers.Contains(m.MessageId) || m.References.Any(covers.Contains) || covers.Contains(m.InReplyTo));
        var v7 = Changes(await db.JsonAsync("changelog", covers[1], "--version", "7"), 7)
            .Where(c => c.GetProperty("patch").GetString() == "2/9" && c.GetProperty("kind").GetString() == "text").ToList();

        Assert.Contains(v7, c => c.GetProperty("summary").GetString()!.StartsWith("reworded comment in arch/arm64/include/asm/kvm_host.h")
            && c.GetProperty("reviewer").GetString() == "Gavin Shan");
        Assert.DoesNotContain(v7, c => c.GetProperty("reviewer").GetString() == "Reiji Watanabe");
        // One credit per reviewer and part.
        var credits = v7.Select(c => (c.GetProperty("summary").GetString()!.Split(',')[0], c.GetProperty("reviewer").GetString())).ToList();
        Assert.Equal(credits.Count, credits.Distinct().Count());
    }

    [Fact]
    public async Task v9_lists_the_capitalised_subject_and_the_collected_acks()
    {
        await db.ImportedVfioThread();
        var changes = Changes(await db.JsonAsync("changelog", LedgerScenario.V9Cover, "--version", "9"), 9).ToList();
        Assert.Contains(changes, c => c.GetProperty("kind").GetString() == "subject" && c.GetProperty("summary").GetString()!.Contains("Convey"));
        Assert.Contains(changes, c => c.GetProperty("summary").GetString() == "collected Acked-by: Alex Williamson <alex.williamson@redhat.com>");
        Assert.Contains(changes, c => c.GetProperty("summary").GetString() == "collected Reviewed-by: Marc Zyngier <maz@kernel.org>");
        var text = await db.CliAsync("changelog", LedgerScenario.V9Cover, "--version", "9");
        Assert.StartsWith("Changes in v9:", text.Out);
    }

    [Fact]
    public async Task the_v9_4of4_rationale_carries_the_trailer_block_b4_would_collect()
    {
        await db.ImportedVfioThread();
        var result = await db.CliAsync("rationale", LedgerScenario.V9Patch4);
        Assert.True(result.Exit == 0, result.ToString());
        var lines = result.Out.TrimEnd().Split('\n');
        var trailers = lines.SkipWhile(l => !l.StartsWith("Suggested-by:")).ToList();
        Assert.Equal(
        [
            "Suggested-by: Catalin Marinas <catalin.marinas@arm.com>",
            "Acked-by: Jason Gunthorpe <jgg@nvidia.com>",
            "Acked-by: Catalin Marinas <catalin.marinas@arm.com>",
            "Acked-by: Alex Williamson <alex.williamson@redhat.com>",
            "Reviewed-by: David Hildenbrand <david@redhat.com>",
            "Reviewed-by: Marc Zyngier <maz@kernel.org>",
            "Signed-off-by: Ankit Agrawal <ankita@nvidia.com>",
            "Link: https://lore.kernel.org/r/" + LedgerScenario.V9Patch4,
        ], trailers);
        Assert.Contains("So\nmake vfio-pci set the VM_ALLOW_ANY_UNCACHED flag.", result.Out);
    }

    [Fact]
    public async Task a_withdrawn_ack_is_not_carried_by_the_version_it_was_withdrawn_from()
    {
        await db.ImportedVfioThread();
        var v2 = (await db.JsonAsync("rationale", "20231205033015.10044-1-ankita@nvidia.com"))[0];
        Assert.DoesNotContain(v2.GetProperty("trailers").EnumerateArray(), t => t.GetProperty("name").GetString() == "Acked-by"
            && t.GetProperty("value").GetString()!.Contains("catalin.marinas@arm.com"));
    }

    [Fact]
    public async Task a_review_on_the_v8_cover_letter_applies_to_every_patch()
    {
        await db.ImportedVfioThread();
        var trailers = await db.JsonAsync("trailers", LedgerScenario.V9Cover, "--version", "8");
        Assert.Equal(4, trailers.GetArrayLength());
        Assert.All(trailers.EnumerateArray(), p => Assert.Contains(p.GetProperty("trailers").EnumerateArray(), t =>
            t.GetProperty("name").GetString() == "Reviewed-by" && t.GetProperty("value").GetString() == "Marc Zyngier <maz@kernel.org>"
            && t.GetProperty("given_in").GetString() == "86jzmv2jxr.wl-maz@kernel.org"));
    }

    [Fact]
    public async Task the_v7_review_of_4of4_shows_alexs_rewording_and_jasons_text_and_where_v8_adopted_them()
    {
        await db.ImportedVfioThread();
        var acts = (await db.JsonAsync("acts", "--series", LedgerScenario.V9Cover)).EnumerateArray().ToList();
        var alex = Assert.Single(acts, a => a.GetProperty("message_id").GetString() == AlexV7Rewording && a.GetProperty("type").GetString() == "rewording");
        Assert.Contains("VM_ALLOW_ANY_UNCACHED", alex.GetProperty("proposed_text").GetString());
        Assert.Equal(7, alex.GetProperty("version").GetInt32());
        Assert.Equal("20240211174705.31992-5-ankita@nvidia.com", alex.GetProperty("target_message_id").GetString());
        Assert.Equal("addressed", alex.GetProperty("resolution").GetProperty("status").GetString());

        var jason = acts.Where(a => a.GetProperty("message_id").GetString() == JasonV7RevisedText && a.GetProperty("type").GetString() == "rewording").ToList();
        Assert.NotEmpty(jason);
        var adopted = jason.SelectMany(a => a.GetProperty("resolution").GetProperty("adopted_in").EnumerateArray())
            .Select(x => (x.GetProperty("message_id").GetString(), x.GetProperty("where").GetString())).ToList();
        Assert.Contains((V8Patch2, "2/4 commit message"), adopted);
        Assert.Contains((V8Patch4, "4/4 comment in drivers/vfio/pci/vfio_pci_core.c"), adopted);
    }

    [Fact]
    public async Task history_is_a_timeline_in_text_markdown_and_json()
    {
        await db.ImportedVfioThread();
        var json = await db.JsonAsync("history", LedgerScenario.V9Cover);
        var entries = json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "resolved");
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "posted" && e.GetProperty("version").GetInt32() == 9);
        var text = await db.CliAsync("history", LedgerScenario.V9Cover);
        Assert.Contains("2024-02-12", text.Out);
        Assert.Contains("Jason Gunthorpe", text.Out);
        var unknown = await db.CliAsync("history", "no-such-message@example.org");
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("no lineage or message", unknown.Err);
    }
}
