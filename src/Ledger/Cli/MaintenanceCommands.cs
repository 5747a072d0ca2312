using System.CommandLine;
using Ledger.Reviewing;

namespace Ledger.Cli;

/// <summary>`ledger reindex`, `rebuild`, `verify`: re-derive interpretations, rebuild projections, prove them equal.</summary>
public static class MaintenanceCommands
{
    public static IEnumerable<Command> Create()
    {
        var reindex = new Command("reindex", "Re-derive every interpretation from the archived raw mail; appends only what changed");
        reindex.SetStoreAction(async (parse, store, ct) =>
        {
            var o = await ReviewIndexer.ReindexAsync(store, ct);
            Console.WriteLine($"reindexed {o.Lineages} lineages: {o.Changed} changed, {o.Merged} merged, {o.Events} events appended in {o.Elapsed.TotalSeconds:F1} s");
            return 0;
        });
        var rebuild = new Command("rebuild", "Rebuild every projection from the event log");
        rebuild.SetStoreAction(async (parse, store, ct) =>
        {
            var took = await Projecting.Projecting.RebuildAsync(store, ct);
            Console.WriteLine($"rebuilt all projections in {took.TotalSeconds:F1} s");
            return 0;
        });
        var verify = new Command("verify", "Prove the projected documents equal a fresh fold of their events");
        verify.SetStoreAction(async (parse, store, ct) =>
        {
            var result = await Projecting.Projecting.VerifyAsync(store, ct);
            Console.WriteLine($"verified {result.Checked} documents: {result.Mismatches.Count} differ");
            foreach (var m in result.Mismatches.Take(20)) Console.WriteLine("  differs: " + m);
            return result.Mismatches.Count == 0 ? 0 : 1;
        });
        return [reindex, rebuild, verify];
    }
}
