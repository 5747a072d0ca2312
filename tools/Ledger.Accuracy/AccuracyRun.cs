using System.Diagnostics;
using Ledger.Core.Archive;
using Ledger.Core.Review;

namespace Ledger.Accuracy;

/// <summary>The labelled runs, as the CLI and the tests use them.</summary>
public static class AccuracyRun
{
    /// <summary>The vfio-wc-safe thread (100 messages), interpreted on its own.</summary>
    public static SetReport Vfio(IReadOnlyList<LabelSet> labels, string? mbox = null)
    {
        var set = labels.Single(l => l.Name == "vfio");
        var mails = Evaluator.ReadMail(mbox ?? Evaluator.VfioMbox);
        return Evaluator.Evaluate(set, new Prediction(Interpretation.Interpret(mails)), mails);
    }

    /// <summary>
    /// The kvmarm sets. wholeArchive: interpret all ~21k messages of the epoch once (shows the rules hold amid unrelated traffic);
    /// otherwise each set is interpreted from its own messages only.
    /// </summary>
    public static (List<SetReport> Reports, string Timing) Kvmarm(IReadOnlyList<LabelSet> labels, string epoch, bool wholeArchive = true)
    {
        var sets = labels.Where(l => l.Name.StartsWith("kvmarm", StringComparison.Ordinal)).ToList();
        var clock = Stopwatch.StartNew();
        var mails = Evaluator.ReadMail(epoch);
        var read = clock.Elapsed;
        var reports = new List<SetReport>();
        if (wholeArchive)
        {
            clock.Restart();
            var prediction = new Prediction(Interpretation.Interpret(mails));
            var interpret = clock.Elapsed;
            var byKey = mails.GroupBy(m => MessageIds.Key(m.MessageId)).ToDictionary(g => g.Key, g => g.First());
            foreach (var set in sets)
                reports.Add(Evaluator.Evaluate(set, prediction, set.MessageKeys.Select(byKey.GetValueOrDefault).OfType<ParsedMail>().ToList()));
            return (reports, $"read {mails.Count} messages in {read.TotalSeconds:0.0}s, interpreted the whole archive ({prediction.Lineages.Count} lineages) in {interpret.TotalSeconds:0.0}s");
        }
        foreach (var set in sets)
        {
            var keys = set.MessageKeys.ToHashSet();
            var own = mails.Where(m => keys.Contains(MessageIds.Key(m.MessageId))).ToList();
            reports.Add(Evaluator.Evaluate(set, new Prediction(Interpretation.Interpret(own)), own));
        }
        return (reports, $"read {mails.Count} messages in {read.TotalSeconds:0.0}s, interpreted each set on its own");
    }

    /// <summary>All labelled sets merged into one report (micro-averaged).</summary>
    public static SetReport Total(string name, IEnumerable<SetReport> reports)
    {
        var total = new SetReport(name);
        foreach (var t in Labels.ActTypes) total.Act(t);
        foreach (var r in reports) total.Add(r);
        return total;
    }
}
