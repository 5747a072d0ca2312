using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>`ledger decide`, `reindex`, `rebuild`, `verify`: curations are facts about people and outlive reinterpretation.</summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenCuratingDecisions(LedgerDatabase db)
{
    private async Task<string> VfioDecisionId()
    {
        await db.ImportedVfioThread();
        return (await db.JsonAsync("why", "vfio-platform"))[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task an_amended_rationale_survives_reindex_and_is_what_why_shows()
    {
        var id = await VfioDecisionId();
        var amend = await db.CliAsync("decide", "amend", id, "--rationale", "Only vfio-pci vouches for uncached mappings.", "--as", "A Maintainer <m@example.org>");
        Assert.True(amend.Exit == 0, amend.ToString());
        var reindex = await db.CliAsync("reindex");
        Assert.True(reindex.Exit == 0, reindex.ToString());

        var decision = (await db.JsonAsync("why", id))[0];
        Assert.Equal("Only vfio-pci vouches for uncached mappings.", decision.GetProperty("rationale").GetString());
        var amended = Assert.Single(decision.GetProperty("history").EnumerateArray(), h => h.GetProperty("kind").GetString() == "rationale-amended");
        Assert.Equal("A Maintainer <m@example.org>", amended.GetProperty("person").GetString());
    }

    [Fact]
    public async Task reindex_with_unchanged_extractors_appends_nothing()
    {
        await db.ImportedVfioThread();
        var before = await db.ScalarAsync("select count(*) from ledger.mt_events");
        var reindex = await db.CliAsync("reindex");
        Assert.True(reindex.Exit == 0, reindex.ToString());
        Assert.Equal(before, await db.ScalarAsync("select count(*) from ledger.mt_events"));
    }

    [Fact]
    public async Task two_people_amending_from_the_same_version_get_a_conflict_not_a_lost_update()
    {
        var id = await VfioDecisionId();
        var first = await db.CliAsync("decide", "amend", id, "--rationale", "first", "--expect-version", "0", "--as", "One <one@example.org>");
        Assert.True(first.Exit == 0, first.ToString());
        var second = await db.CliAsync("decide", "amend", id, "--rationale", "second", "--expect-version", "0", "--as", "Two <two@example.org>");
        Assert.Equal(1, second.Exit);
        Assert.Contains("changed meanwhile", second.Err);
        Assert.Equal("first", (await db.JsonAsync("why", id))[0].GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task a_decision_opened_by_hand_is_found_and_can_be_rejected()
    {
        await db.ResetAsync();
        var open = await db.CliAsync("decide", "open", "--title", "Keep the GICv2 VCPU interface Device-nGnRE", "--scope", "GICv2", "--rationale", "Faults are not contained.", "--as", "R <r@example.org>");
        Assert.True(open.Exit == 0, open.ToString());
        var id = open.Out.Trim();
        Assert.StartsWith("D-", id);
        Assert.Equal(0, (await db.CliAsync("decide", "reject", id, "--reason", "superseded by the VMA flag", "--as", "R <r@example.org>")).Exit);
        var decision = (await db.JsonAsync("why", "GICv2"))[0];
        Assert.Equal(id, decision.GetProperty("id").GetString());
        Assert.Equal("rejected", decision.GetProperty("status").GetString());
    }

    [Fact]
    public async Task rebuild_then_verify_proves_the_projections_equal_their_events()
    {
        var id = await VfioDecisionId();
        Assert.Equal(0, (await db.CliAsync("decide", "accept", id, "--as", "A <a@example.org>")).Exit);
        var before = (await db.JsonAsync("why", id))[0].ToString();
        await RebuildAndVerifyAsync();
        Assert.Equal(before, (await db.JsonAsync("why", id))[0].ToString());
    }

    [Fact]
    public async Task rebuild_restores_documents_from_events_alone()
    {
        var id = await VfioDecisionId();
        var before = (await db.JsonAsync("why", id))[0].ToString();
        var lineages = await db.ScalarAsync("select count(*) from ledger.mt_doc_serieslineage");
        await db.ScalarAsync("update ledger.mt_doc_decisionrationale set data = jsonb_set(data, '{Title}', '\"tampered\"') returning 1");
        await db.ScalarAsync("delete from ledger.mt_doc_serieslineage where id in (select id from ledger.mt_doc_serieslineage limit 1) returning 1");

        await RebuildAndVerifyAsync();
        Assert.Equal(lineages, await db.ScalarAsync("select count(*) from ledger.mt_doc_serieslineage"));
        Assert.Equal(before, (await db.JsonAsync("why", id))[0].ToString());
    }

    private async Task RebuildAndVerifyAsync()
    {
        var rebuild = await db.CliAsync("rebuild");
        Assert.True(rebuild.Exit == 0, rebuild.ToString());
        var verify = await db.CliAsync("verify");
        Assert.True(verify.Exit == 0, verify.ToString());
        Assert.Contains("0 differ", verify.Out);
    }

    [Fact]
    public async Task verify_notices_a_document_that_does_not_match_its_events()
    {
        await db.ImportedVfioThread();
        await db.ScalarAsync("update ledger.mt_doc_decisionrationale set data = jsonb_set(data, '{Title}', '\"tampered\"') returning 1");
        var verify = await db.CliAsync("verify");
        Assert.Equal(1, verify.Exit);
        Assert.Contains("differs", verify.Out);
    }
}
