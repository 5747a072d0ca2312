using System.Text.Json;
using Ledger.Accuracy;
using Ledger.Tests.Infrastructure;

namespace Ledger.Tests.Decisions;

/// <summary>
/// Nothing is special to the vfio thread: two other real decisions from the kvmarm archive, labelled by hand
/// (tests/Ledger.Tests/Accuracy/labels/decisions.tsv), answered the same way.
/// </summary>
[Collection(LedgerDatabaseCollection.Name)]
public sealed class WhenAskingAboutOtherKvmarmDecisions(LedgerDatabase db)
{
    private static string[] Statements(string set) =>
        File.ReadLines(Path.Combine(Labels.DefaultDirectory(), "decisions.tsv")).Skip(1).Select(l => l.Split('\t'))
            .Where(c => c[0] == set).Select(c => c[2]).ToArray();

    private static void CitesEveryStatement(JsonElement decision, string set)
    {
        var cited = LedgerScenario.MessageIdsIn(decision.GetProperty("history")).ToHashSet();
        Assert.All(Statements(set), m => Assert.Contains(m, cited));
    }

    [Fact]
    public async Task the_nak_of_heuristic_normal_nc_for_device_memory_is_a_rejected_decision_with_its_reasons()
    {
        await db.ImportedKvmarmSet("kvmarm-gpu-nc-nak");
        var decision = (await db.JsonAsync("why", "Normal-NC"))[0];
        Assert.Equal("rejected", decision.GetProperty("status").GetString());
        CitesEveryStatement(decision, "kvmarm-gpu-nc-nak");
        Assert.Contains(decision.GetProperty("history").EnumerateArray(), h =>
            h.GetProperty("message_id").GetString() == "87tubcbvgk.wl-maz@kernel.org" && h.GetProperty("kind").GetString() == "objection");
    }

    [Fact]
    public async Task the_kvmtool_ipa_decision_not_to_add_a_workaround_is_in_its_history()
    {
        await db.ImportedKvmarmSet("kvmarm-kvmtool-ipa");
        var decision = (await db.JsonAsync("why", "IPA"))[0];
        Assert.Equal("accepted", decision.GetProperty("status").GetString());
        CitesEveryStatement(decision, "kvmarm-kvmtool-ipa");
        Assert.Contains("20210822152526.1291918", decision.GetProperty("rationale_message_id").GetString());
    }
}
