using System.Text.Json;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>The acceptance case: one import of the real thread, one query.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenAskingWhyVfioPlatform(LedgerDatabase db)
{
    // The steps of the review that the answer must cite, by Message-ID.
    private const string CatalinWithdrawsAck = "ZW8OKZHpXeVjoNo6@arm.com";
    private const string JasonOnWhatPlatformDriversMustProve = "20231205164318.GG2692119@nvidia.com";
    private const string JasonOnHostDriverNotVmm = "20231212181156.GO3014157@nvidia.com";
    private const string AlexAsksToDescribeAndRename = "20240208103022.452a1ba3.alex.williamson@redhat.com";
    private const string AlexAsksAboutVfioPlatform = "20240212100502.2b5009e4.alex.williamson@redhat.com";
    private const string JasonBeConservative = "20240212172001.GE4048826@nvidia.com";
    private const string AlexAcksV8 = "20240222135240.46682bed.alex.williamson@redhat.com";
    private const string MarcReviewsV8 = "86jzmv2jxr.wl-maz@kernel.org";
    private const string AppliedNotice = "170899100569.1405597.5047894183843333522.b4-ty@linux.dev";

    private async Task<JsonElement> Top(params string[] args)
    {
        await db.ImportedVfioThread();
        var answers = await db.JsonAsync(["why", .. args]);
        Assert.True(answers.GetArrayLength() > 0);
        return answers[0];
    }

    [Fact]
    public async Task the_answer_keeps_vfio_platform_out_and_gives_the_rationale_as_it_landed_in_v9()
    {
        var decision = await Top("vfio-platform");
        Assert.Equal("accepted", decision.GetProperty("status").GetString());
        Assert.Contains("vfio-platform", decision.GetProperty("scope").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(9, decision.GetProperty("rationale_version").GetInt32());
        var rationale = decision.GetProperty("rationale").GetString()!;
        Assert.Contains("make vfio-pci set the VM_ALLOW_ANY_UNCACHED flag", rationale.Replace("\n", " "));
        Assert.Contains("vfio-platform drivers", rationale.Replace("\n", " "));
        Assert.Equal(LedgerScenario.V9Patch4, decision.GetProperty("rationale_message_id").GetString());
    }

    [Fact]
    public async Task the_policy_stated_in_review_is_be_conservative_and_do_not_enable_it()
    {
        var decision = await Top("vfio-platform");
        var policy = decision.GetProperty("policy").EnumerateArray().ToList();
        var conservative = Assert.Single(policy, p => p.GetProperty("message_id").GetString() == JasonBeConservative);
        Assert.Contains("be conservative and do not enable it", conservative.GetProperty("summary").GetString());
        Assert.Equal("https://lore.kernel.org/r/" + JasonBeConservative, conservative.GetProperty("link").GetString());
    }

    [Fact]
    public async Task the_history_cites_every_step_from_v2_to_the_apply_with_its_message_id()
    {
        var history = (await Top("vfio-platform")).GetProperty("history");
        var cited = LedgerScenario.MessageIdsIn(history).ToHashSet();
        foreach (var step in new[] { CatalinWithdrawsAck, JasonOnWhatPlatformDriversMustProve, JasonOnHostDriverNotVmm, AlexAsksToDescribeAndRename,
                     AlexAsksAboutVfioPlatform, JasonBeConservative, AlexAcksV8, MarcReviewsV8, AppliedNotice })
            Assert.Contains(step, cited);
        var dates = history.EnumerateArray().Select(h => h.GetProperty("date").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderBy(d => d), dates);
        Assert.All(history.EnumerateArray(), h => Assert.False(string.IsNullOrEmpty(h.GetProperty("kind").GetString())));
    }

    [Fact]
    public async Task the_symbol_finds_the_same_decision()
    {
        var byEntity = await Top("vfio-platform");
        var bySymbol = (await db.JsonAsync("why", "VM_ALLOW_ANY_UNCACHED"))[0];
        Assert.Equal(byEntity.GetProperty("id").GetString(), bySymbol.GetProperty("id").GetString());
        var byMessage = (await db.JsonAsync("why", "https://lore.kernel.org/r/" + JasonBeConservative))[0];
        Assert.Equal(byEntity.GetProperty("id").GetString(), byMessage.GetProperty("id").GetString());
    }

    [Fact]
    public async Task as_of_2024_02_10_it_stands_before_the_v7_discussion()
    {
        var decision = await Top("vfio-platform", "--as-of", "2024-02-10");
        Assert.Equal("proposed", decision.GetProperty("status").GetString());
        Assert.Equal(6, decision.GetProperty("rationale_version").GetInt32());
        var history = decision.GetProperty("history");
        Assert.All(history.EnumerateArray(), h => Assert.True(h.GetProperty("date").GetDateTimeOffset() < new DateTimeOffset(2024, 2, 11, 0, 0, 0, TimeSpan.Zero)));
        var cited = LedgerScenario.MessageIdsIn(history).ToHashSet();
        Assert.Contains(AlexAsksToDescribeAndRename, cited);
        Assert.DoesNotContain(JasonBeConservative, cited);
    }

    [Fact]
    public async Task text_and_markdown_say_the_same_for_a_person()
    {
        await db.ImportedVfioThread();
        var text = await db.CliAsync("why", "vfio-platform");
        Assert.Equal(0, text.Exit);
        Assert.Contains("Current rationale", text.Out);
        Assert.Contains("be conservative and do not enable it", text.Out.Replace("\n", " ").Replace("  ", " "));
        Assert.Contains(JasonBeConservative, text.Out);
        var markdown = await db.CliAsync("why", "vfio-platform", "--format", "markdown");
        Assert.Contains("### Current rationale (v9)", markdown.Out);
        Assert.Contains("https://lore.kernel.org/r/" + JasonBeConservative, markdown.Out);
    }

    [Fact]
    public async Task an_unknown_topic_is_a_clear_error_with_close_matches()
    {
        await db.ImportedVfioThread();
        var result = await db.CliAsync("why", "20240224150546.368-9-ankita@nvidia.co");
        Assert.Equal(1, result.Exit);
        Assert.Contains("no decision", result.Err);
        Assert.Contains("Did you mean", result.Err);
    }
}
