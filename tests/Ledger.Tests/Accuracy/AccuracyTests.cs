using Ledger.Accuracy;

namespace Ledger.Tests.Accuracy;

/// <summary>
/// Keeps the figures in docs/ACCURACY.md from regressing. Floors are the figures reached (act rules v9) less half a
/// point of rounding, so that any lost act fails them; raise them when the extraction improves. Series grouping and trailer attribution must stay exact.
/// </summary>
public class AccuracyTests
{
    private static readonly Lazy<IReadOnlyList<LabelSet>> Labelled = new(() => Labels.Load());
    private static readonly Lazy<SetReport> VfioReport = new(() => AccuracyRun.Vfio(Labelled.Value));

    [Fact]
    public void LabelsLoad()
    {
        var sets = Labelled.Value;
        Assert.Contains(sets, s => s.Name == "vfio" && s.Messages.Count == 100);
        Assert.Equal(12, sets.Count);
        Assert.Contains(sets, s => s.Name == "kvmarm-heldout" && s.Acts.Count == 38);
        Assert.Contains(sets, s => s.Name == "kvmarm-heldout2" && s.Acts.Count == 45);
        Assert.Contains(sets, s => s.Name == "kvmarm-heldout3" && s.Acts.Count == 47);
        Assert.Contains(sets, s => s.Name == "kvmarm-heldout4" && s.Acts.Count == 42);
        Assert.Contains(sets, s => s.Name == "kvmarm-heldout5" && s.Acts.Count == 37);
        Assert.Contains(sets, s => s.Name == "kvmarm-heldout6" && s.Acts.Count == 56);
        Assert.All(sets, s => Assert.Equal(s.Messages.Count(m => m.Kind == "reply"), s.Acts.Count));
    }

    [Fact]
    public void VfioSeriesGroupingIsExact()
    {
        var r = VfioReport.Value;
        Assert.True(r.SeriesPairs.Exact, r.SeriesPairs.ToString()); // all nine versions in one lineage
        Assert.True(r.PatchPairs.Exact, r.PatchPairs.ToString());
        Assert.True(r.Versions.Exact, r.Versions.ToString());
    }

    [Fact]
    public void VfioTrailersAreExact()
    {
        var r = VfioReport.Value;
        Assert.True(r.Trailers.Exact, r.Trailers.ToString());
        Assert.True(r.TrailerFlags.Exact, r.TrailerFlags.ToString());
    }

    [Fact]
    public void VfioActsDoNotRegress()
    {
        var r = VfioReport.Value;
        var micro = r.ActMicro;
        Assert.True(micro.F1 >= 0.845, $"vfio act micro {micro}");
        Assert.True(micro.Precision >= 0.895, $"vfio act micro {micro}");
        Assert.True(r.Act("question").F1 >= 0.965, $"question {r.Act("question")}");
        Assert.True(r.Act("suggestion").F1 >= 0.855, $"suggestion {r.Act("suggestion")}");
        Assert.True(r.Act("objection").F1 >= 0.665, $"objection {r.Act("objection")}");
        Assert.True(r.Act("acceptance").Precision >= 0.995, $"acceptance {r.Act("acceptance")}");
        Assert.True(r.Act("rewording").F1 >= 0.995, $"rewording {r.Act("rewording")}");
        Assert.True(r.Act("nit").F1 >= 0.945, $"nit {r.Act("nit")}");
        Assert.True(r.Act("applied").F1 >= 1.0, $"applied {r.Act("applied")}");
        Assert.True(r.Act("direction").Precision >= 0.915, $"direction {r.Act("direction")}");
        Assert.True(r.Act("pushback").Precision >= 0.885, $"pushback {r.Act("pushback")}");
        Assert.True(r.Act("pushback").Recall >= 0.615, $"pushback {r.Act("pushback")}");
    }

    [Fact]
    public void SyntheticArchiveScores()
    {
        var r = SyntheticEvaluation.Run(600, seed: 7);
        Assert.True(r.SeriesPairs.Precision >= 0.99, $"synthetic series {r.SeriesPairs}");
        Assert.True(r.SeriesPairs.Recall >= 0.97, $"synthetic series {r.SeriesPairs}");
        Assert.True(r.Trailers.F1 >= 0.98, $"synthetic trailers {r.Trailers}");
        Assert.True(r.ActMicro.F1 >= 0.905, $"synthetic acts {r.ActMicro}");
        // "Why not X?" is a suggestion in the truth too (act rules v6): the generator and the extractor agree on it.
        Assert.True(r.Act("suggestion").Precision >= 0.955, $"synthetic suggestion {r.Act("suggestion")}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void KvmarmSetsInTheWholeArchive()
    {
        var epoch = Evaluator.EnsureKvmarmMirror(Environment.GetEnvironmentVariable("LEDGER_KVMARM_EPOCH") ?? "/tmp/acc/git/0.git");
        var (reports, timing) = AccuracyRun.Kvmarm(Labelled.Value, epoch, wholeArchive: true);
        // The kvmarm sets tuned on (all but the newest held-out set), then each held-out set on its own.
        var all = AccuracyRun.Total("kvmarm", reports.Where(r => r.Name != "kvmarm-heldout6"));
        var everything = AccuracyRun.Total("kvmarm with kvmarm-heldout6", reports);
        Assert.True(everything.SeriesPairs.Exact, $"{everything.SeriesPairs}; {string.Join("; ", everything.Mistakes.Where(m => m.StartsWith("series")))}");
        Assert.True(everything.PatchPairs.Exact, everything.PatchPairs.ToString());
        Assert.True(everything.Versions.Exact, everything.Versions.ToString());
        Assert.True(everything.Trailers.Exact, $"{everything.Trailers}; {string.Join("; ", everything.Mistakes.Where(m => m.StartsWith("trailer")))}");
        Assert.True(everything.TrailerFlags.Exact, everything.TrailerFlags.ToString());
        Assert.True(all.ActMicro.F1 >= 0.725, $"kvmarm act micro {all.ActMicro} ({timing})");
        Assert.True(all.Act("suggestion").F1 >= 0.64, $"suggestion {all.Act("suggestion")}");
        Assert.True(all.Act("objection").F1 >= 0.675, $"objection {all.Act("objection")}");
        Assert.True(all.Act("pushback").Recall >= 0.405, $"pushback {all.Act("pushback")}");
        Assert.True(all.Act("acceptance").F1 >= 0.815, $"acceptance {all.Act("acceptance")}");
        // The held-out sets (labelled blind before act rules v4, v5, v6 and v8; the fifth with v8, the sixth with v9 in place)
        // guard against tuning to the other sets, each at its own floor. (v6 lost one act on the first: the maintainer's "I
        // agree, though I think it should be _instead_ of ..." reads as pushback.yes-but.)
        (string Set, double Floor)[] heldOut =
            [("kvmarm-heldout", 0.845), ("kvmarm-heldout2", 0.725), ("kvmarm-heldout3", 0.655), ("kvmarm-heldout4", 0.615), ("kvmarm-heldout5", 0.665), ("kvmarm-heldout6", 0.495)];
        foreach (var (set, floor) in heldOut)
        {
            var micro = reports.Single(r => r.Name == set).ActMicro;
            Assert.True(micro.F1 >= floor, $"{set} act micro {micro}");
        }
        Assert.True(all.Act("applied").Recall >= 1.0, $"applied {all.Act("applied")}");
    }
}
