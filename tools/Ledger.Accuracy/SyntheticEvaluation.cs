using Ledger.Core.Archive;
using Ledger.Core.Review;
using Ledger.Synth;

namespace Ledger.Accuracy;

/// <summary>Scores the interpretation of a Ledger.Synth archive against the ground truth it was generated with.</summary>
public static class SyntheticEvaluation
{
    private static readonly string[] Resolvable = ["objection", "question", "suggestion", "rewording", "nit"];
    private static readonly string[] StatusPriority = ["addressed", "answered", "not-addressed", "open"];

    public static SetReport Run(int messages, int seed)
    {
        var mails = new List<ParsedMail>();
        var truth = new List<TruthFact>();
        foreach (var m in SyntheticArchive.Generate(messages, seed))
        {
            truth.AddRange(m.Truth);
            if (MailParser.Parse(m.Raw) is MailReading.Read r) mails.Add(r.Mail);
        }
        var prediction = new Prediction(Interpretation.Interpret(mails));
        return Score($"synthetic-{messages}-seed{seed}", mails, truth, prediction);
    }

    public static SetReport Score(string name, IReadOnlyList<ParsedMail> mails, IReadOnlyList<TruthFact> truth, Prediction prediction)
    {
        var report = new SetReport(name) { Messages = mails.Select(m => MessageIds.Key(m.MessageId)).Distinct().Count() };
        foreach (var t in Labels.ActTypes) report.Act(t);
        var series = truth.OfType<SeriesFact>().ToList();
        var postingLineage = new Dictionary<string, (string Lineage, int Version, bool Cover)>();
        foreach (var s in series)
        {
            if (s.Cover is { } c) postingLineage[MessageIds.Key(c)] = (s.Lineage, s.Version, true);
            foreach (var p in s.Patches) postingLineage[MessageIds.Key(p)] = (s.Lineage, s.Version, false);
        }

        // Acts, per reply message: the set of types in the truth vs the set predicted.
        var actsByMessage = truth.OfType<ActFact>().GroupBy(a => MessageIds.Key(a.MessageId)).ToDictionary(g => g.Key, g => g.ToList());
        var replies = mails.Select(m => MessageIds.Key(m.MessageId)).Distinct().Where(k => !postingLineage.ContainsKey(k)).ToList();
        report.Replies = replies.Count;
        foreach (var key in replies)
        {
            var labelled = actsByMessage.TryGetValue(key, out var facts) ? facts.Select(f => f.Type).ToHashSet() : [];
            var predicted = prediction.ActTypesOf(key);
            foreach (var t in Labels.ActTypes) report.Act(t).Score(labelled.Contains(t), predicted.Contains(t));
            var missed = labelled.Except(predicted).ToList();
            var extra = predicted.Except(labelled).ToList();
            if (missed.Count + extra.Count > 0)
                report.Mistakes.Add($"act {key}: missed [{string.Join(',', missed)}] extra [{string.Join(',', extra)}] "
                    + string.Join(" | ", prediction.ActsOf(key).Where(a => extra.Contains(a.Type)).Select(a => $"{a.Type}<-{a.Provenance.Rule}: {Clip(a.Text)}")));
        }

        // Series: pairwise over postings, from the contingency table (no quadratic loop).
        var placed = postingLineage.Select(p => (Truth: p.Value.Lineage,
            Predicted: prediction.Postings.TryGetValue(p.Key, out var place) ? place.LineageId : "unplaced:" + p.Key, p.Key)).ToList();
        static long Pairs(long n) => n * (n - 1) / 2;
        var both = placed.GroupBy(x => (x.Truth, x.Predicted)).Sum(g => Pairs(g.Count()));
        var truthPairs = placed.GroupBy(x => x.Truth).Sum(g => Pairs(g.Count()));
        var predictedPairs = placed.GroupBy(x => x.Predicted).Sum(g => Pairs(g.Count()));
        report.SeriesPairs.TruePositives = (int)both;
        report.SeriesPairs.FalsePositives = (int)(predictedPairs - both);
        report.SeriesPairs.FalseNegatives = (int)(truthPairs - both);
        foreach (var g in placed.GroupBy(x => x.Truth).Where(g => g.Select(x => x.Predicted).Distinct().Count() > 1).Take(20))
            report.Mistakes.Add($"series {g.Key}: split into {string.Join(", ", g.Select(x => x.Predicted).Distinct())}");
        foreach (var g in placed.GroupBy(x => x.Predicted).Where(g => g.Select(x => x.Truth).Distinct().Count() > 1).Take(20))
            report.Mistakes.Add($"series {g.Key}: merges {string.Join(", ", g.Select(x => x.Truth).Distinct())}");

        foreach (var (key, t) in postingLineage)
        {
            var ok = prediction.Postings.TryGetValue(key, out var place) && place.Version == t.Version && place.IsCover == t.Cover;
            report.Versions.Score(ok);
            if (!ok) report.Mistakes.Add($"version {key}: truth v{t.Version}{(t.Cover ? " cover" : "")}, predicted {(place is null ? "none" : $"v{place.Version}{(place.IsCover ? " cover" : "")}")}");
        }

        // Trailers given in replies (the truth also lists those the patch carries itself: given_in == patch).
        static string Key(string patch, string name, string? address, string givenIn) =>
            $"{MessageIds.Key(patch)}|{name.ToLowerInvariant()}|{address?.ToLowerInvariant()}|{MessageIds.Key(givenIn)}";
        var labelledTrailers = truth.OfType<TrailerFact>().Where(t => MessageIds.Key(t.GivenIn) != MessageIds.Key(t.PatchMessageId))
            .GroupBy(t => Key(t.PatchMessageId, t.Name, Ledger.Core.Review.Parsing.Trailers.SplitPerson(t.Value).Address, t.GivenIn))
            .ToDictionary(g => g.Key, g => g.First());
        var predictedTrailers = prediction.Trailers
            .GroupBy(t => Key(t.PatchMessageId, t.Name, Ledger.Core.Review.Parsing.Trailers.SplitPerson(t.Value).Address, t.GivenIn))
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var (k, t) in labelledTrailers)
        {
            var found = predictedTrailers.TryGetValue(k, out var p);
            report.Trailers.Score(true, found);
            if (!found) { report.Mistakes.Add($"trailer missed {k}"); continue; }
            var ok = p!.Conditional == t.Conditional && p.Withdrawn == t.Withdrawn;
            report.TrailerFlags.Score(ok);
            if (!ok) report.Mistakes.Add($"trailer-flags {k}: truth conditional={t.Conditional} withdrawn={t.Withdrawn}, predicted {p.Conditional}/{p.Withdrawn}");
        }
        foreach (var k in predictedTrailers.Keys.Where(k => !labelledTrailers.ContainsKey(k)))
        {
            report.Trailers.Score(false, true);
            report.Mistakes.Add($"trailer extra {k}");
        }

        // Resolutions of the act types Ledger resolves.
        foreach (var g in truth.OfType<ActFact>().Where(a => Resolvable.Contains(a.Type)).GroupBy(a => (Key: MessageIds.Key(a.MessageId), a.Type)))
        {
            var expected = g.Select(a => a.Resolution).OrderBy(s => Array.IndexOf(StatusPriority, s)).First();
            var chosen = prediction.ActsOf(g.Key.Key).Where(a => a.Type == g.Key.Type)
                .Select(a => prediction.ResolutionByAct.GetValueOrDefault(a.ActId)).OfType<ReviewActResolved>()
                .OrderBy(r => Array.IndexOf(StatusPriority, r.Status)).FirstOrDefault();
            report.Resolutions.Score(chosen?.Status == expected);
            if (chosen?.Status != expected)
                report.Mistakes.Add($"resolution {g.Key.Key} {g.Key.Type}: truth {expected}, predicted {(chosen is null ? "no such act" : chosen.Status + " (" + chosen.Reason + ")")}");
        }
        return report;
    }

    private static string Clip(string s)
    {
        var one = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= 90 ? one : one[..90] + "...";
    }
}
