using Ledger.Core.Archive;
using Ledger.Core.Importing.Sources;
using Ledger.Core.Review;
using Ledger.Core.Review.Parsing;

namespace Ledger.Accuracy;

/// <summary>The scores of one labelled (or synthetic) set. Mistakes lists every disagreement, for tuning.</summary>
public sealed class SetReport(string name)
{
    public string Name { get; } = name;
    public int Messages { get; set; }
    public int Replies { get; set; }
    public SortedDictionary<string, Counts> Acts { get; } = new(Comparer<string>.Create((a, b) => Array.IndexOf(Labels.ActTypes, a).CompareTo(Array.IndexOf(Labels.ActTypes, b))));
    /// <summary>Pairs of postings (covers and patches) in the same series lineage.</summary>
    public Counts SeriesPairs { get; } = new();
    /// <summary>Pairs of postings continuing the same logical patch (or both covers of one lineage).</summary>
    public Counts PatchPairs { get; } = new();
    public Agreement Versions { get; } = new();
    public Counts Trailers { get; } = new();
    /// <summary>Conditional and withdrawn flags of the trailers matched on patch, name, address and given_in.</summary>
    public Agreement TrailerFlags { get; } = new();
    public Agreement Resolutions { get; } = new();
    public Agreement ResolutionEvidence { get; } = new();
    public List<string> Mistakes { get; } = [];
    /// <summary>Per act rule ("objection objection.dont-think"): labelled replies where it fired, and where its type was labelled.</summary>
    public SortedDictionary<string, Agreement> Rules { get; } = new(StringComparer.Ordinal);

    public Counts ActMicro
    {
        get { var c = new Counts(); foreach (var v in Acts.Values) c.Add(v); return c; }
    }

    public Agreement Rule(string rule) => Rules.TryGetValue(rule, out var a) ? a : Rules[rule] = new Agreement();

    public Counts Act(string type) => Acts.TryGetValue(type, out var c) ? c : Acts[type] = new Counts();

    public void Add(SetReport other)
    {
        Messages += other.Messages;
        Replies += other.Replies;
        foreach (var (t, c) in other.Acts) Act(t).Add(c);
        SeriesPairs.Add(other.SeriesPairs);
        PatchPairs.Add(other.PatchPairs);
        Versions.Add(other.Versions);
        Trailers.Add(other.Trailers);
        TrailerFlags.Add(other.TrailerFlags);
        Resolutions.Add(other.Resolutions);
        ResolutionEvidence.Add(other.ResolutionEvidence);
        Mistakes.AddRange(other.Mistakes);
        foreach (var (rule, a) in other.Rules) Rule(rule).Add(a);
    }
}

/// <summary>Runs the pure interpretation pipeline over labelled mail and scores it against the labels.</summary>
public static class Evaluator
{
    public static readonly string CorpusRoot = Environment.GetEnvironmentVariable("LEDGER_CORPUS") ?? "/work/shared/corpus";
    public static string VfioMbox => Path.Combine(CorpusRoot, "vfio-wc-safe", "thread.mbox");
    public static string KvmarmBundle => Path.Combine(CorpusRoot, "kvmarm-2019-2023.bundle");

    private static readonly string[] StatusPriority = ["addressed", "answered", "not-addressed", "open"];

    /// <summary>Every readable message of a source (mbox, public-inbox epoch, ...); rejected mail is skipped.</summary>
    public static List<ParsedMail> ReadMail(string spec) =>
        MailSources.Open(spec, _ => null).ReadAsync().ToBlockingEnumerable()
            .Select(r => MailParser.Parse(r.Bytes)).OfType<MailReading.Read>().Select(r => r.Mail).ToList();

    /// <summary>A bare mirror of the kvmarm bundle (git clone --mirror) at <paramref name="target"/>, made if missing.</summary>
    public static string EnsureKvmarmMirror(string target)
    {
        if (Directory.Exists(Path.Combine(target, "objects"))) return target;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(target))!);
        var psi = new System.Diagnostics.ProcessStartInfo("git", ["clone", "-q", "--mirror", KvmarmBundle, target]) { RedirectStandardError = true };
        using var git = System.Diagnostics.Process.Start(psi)!;
        var err = git.StandardError.ReadToEnd();
        git.WaitForExit();
        if (git.ExitCode != 0) throw new InvalidOperationException($"git clone --mirror {KvmarmBundle} failed: {err}");
        return target;
    }

    /// <summary>Scores one labelled set against an interpretation of mail that contains it (the set alone or a whole archive).</summary>
    public static SetReport Evaluate(LabelSet set, Prediction prediction, IReadOnlyCollection<ParsedMail> mails)
    {
        var report = new SetReport(set.Name) { Messages = set.Messages.Count, Replies = set.Acts.Count };
        foreach (var t in Labels.ActTypes) report.Act(t);
        ScoreActs(set, prediction, report);
        ScoreSeries(set, prediction, mails, report);
        ScoreTrailers(set, prediction, report);
        ScoreResolutions(set, prediction, report);
        return report;
    }

    private static void ScoreActs(LabelSet set, Prediction prediction, SetReport report)
    {
        foreach (var label in set.Acts)
        {
            var predicted = prediction.ActTypesOf(label.MessageId);
            foreach (var t in Labels.ActTypes)
                report.Act(t).Score(label.Types.Contains(t), predicted.Contains(t));
            foreach (var rule in prediction.ActsOf(label.MessageId).Select(a => (a.Type, a.Provenance.Rule)).Distinct())
                report.Rule($"{rule.Type} {rule.Rule}").Score(label.Types.Contains(rule.Type));
            var missed = label.Types.Except(predicted).ToList();
            var extra = predicted.Except(label.Types).ToList();
            if (missed.Count == 0 && extra.Count == 0) continue;
            var why = prediction.ActsOf(label.MessageId).Where(a => extra.Contains(a.Type))
                .Select(a => $"{a.Type}<-{a.Provenance.Rule}: \"{Short(a.Text)}\"");
            report.Mistakes.Add($"act {set.Name} {label.MessageId}: missed [{string.Join(',', missed)}] extra [{string.Join(',', extra)}] {string.Join(" | ", why)}"
                + (missed.Count > 0 ? $"  label note: {label.Note}" : ""));
        }
    }

    private static void ScoreSeries(LabelSet set, Prediction prediction, IReadOnlyCollection<ParsedMail> mails, SetReport report)
    {
        var postings = set.Messages.Where(m => m.Kind is "cover" or "patch").ToList();
        var labelled = set.Messages.Where(m => m.Kind is "cover" or "patch" or "pull").Select(m => MessageIds.Key(m.MessageId)).ToHashSet();

        // Labelled series families: same logical-change label, or posted together (a patch and the cover/pull it is threaded under).
        var family = new UnionFind();
        foreach (var g in postings.GroupBy(m => m.Lineage)) foreach (var m in g.Skip(1)) family.Union(MessageIds.Key(g.First().MessageId), MessageIds.Key(m.MessageId));
        var parent = mails.GroupBy(m => MessageIds.Key(m.MessageId)).ToDictionary(g => g.Key, g => g.First().InReplyTo is { } p ? MessageIds.Key(p) : null);
        foreach (var m in postings)
        {
            var key = MessageIds.Key(m.MessageId);
            string? top = null;
            var seen = new HashSet<string>();
            for (var p = parent.GetValueOrDefault(key); p is not null && seen.Add(p); p = parent.GetValueOrDefault(p))
                if (labelled.Contains(p)) top = p;
            if (top is not null) family.Union(key, top);
        }

        string Predicted(MessageLabel m, Func<PostingPlace, string> pick) =>
            prediction.Postings.TryGetValue(MessageIds.Key(m.MessageId), out var place) ? pick(place) : "unplaced:" + m.MessageId;
        Pairs(postings, m => family.Find(MessageIds.Key(m.MessageId)), m => Predicted(m, p => p.LineageId), report.SeriesPairs, report.Mistakes, "series", set.Name);
        Pairs(postings, m => m.Lineage ?? m.MessageId, m => Predicted(m, p => p.Chain), report.PatchPairs, report.Mistakes, "patch-chain", set.Name);

        foreach (var m in postings)
        {
            var ok = prediction.Postings.TryGetValue(MessageIds.Key(m.MessageId), out var place) && place.Version == m.Version
                && (m.Kind == "cover" ? place.IsCover : place.Index == m.Index && place.Total == m.Total);
            report.Versions.Score(ok);
            if (!ok) report.Mistakes.Add($"version {set.Name} {m.MessageId}: labelled v{m.Version} {m.Index}/{m.Total}, predicted "
                + (place is null ? "not a posting of any lineage" : $"v{place.Version} {place.Index}/{place.Total}{(place.IsCover ? " cover" : "")}"));
        }
    }

    /// <summary>Pairwise agreement of two clusterings of the same items.</summary>
    private static void Pairs(IReadOnlyList<MessageLabel> items, Func<MessageLabel, string> truth, Func<MessageLabel, string> predicted, Counts counts, List<string> mistakes, string what, string set)
    {
        for (var i = 0; i < items.Count; i++)
            for (var j = i + 1; j < items.Count; j++)
            {
                var l = truth(items[i]) == truth(items[j]);
                var p = predicted(items[i]) == predicted(items[j]);
                counts.Score(l, p);
                if (l != p) mistakes.Add($"{what} {set}: {items[i].MessageId} / {items[j].MessageId}: labelled {(l ? "same" : "different")}, predicted {(p ? "same" : "different")}");
            }
    }

    private static void ScoreTrailers(LabelSet set, Prediction prediction, SetReport report)
    {
        var patchKeys = set.Messages.Where(m => m.Kind == "patch").Select(m => MessageIds.Key(m.MessageId)).ToHashSet();
        static string Key(string patch, string name, string? address, string? givenIn) =>
            $"{MessageIds.Key(patch)}|{name.ToLowerInvariant()}|{address?.ToLowerInvariant()}|{(givenIn is null ? "-" : MessageIds.Key(givenIn))}";

        var predicted = new Dictionary<string, (bool Conditional, bool Withdrawn)>();
        foreach (var t in prediction.Trailers.Where(t => patchKeys.Contains(MessageIds.Key(t.PatchMessageId))))
        {
            var k = Key(t.PatchMessageId, t.Name, Ledger.Core.Review.Parsing.Trailers.SplitPerson(t.Value).Address, t.GivenIn);
            predicted[k] = predicted.TryGetValue(k, out var f) ? (f.Conditional || t.Conditional, f.Withdrawn || t.Withdrawn) : (t.Conditional, t.Withdrawn);
        }
        // Trailers given before the archive (carried in the patch itself) are only visible when withdrawn.
        foreach (var w in prediction.Withdrawals)
            foreach (var key in patchKeys)
                if (prediction.VersionOfPatch.TryGetValue(key, out var v) && v.LineageId == w.LineageId && v.Version == w.Version)
                    foreach (var own in v.Patches.Where(p => MessageIds.Key(p.MessageId) == key).SelectMany(p => p.Trailers))
                        if (own.Name.Equals(w.Name, StringComparison.OrdinalIgnoreCase) && string.Equals(own.Address, w.SenderAddress, StringComparison.OrdinalIgnoreCase))
                            predicted[Key(key, own.Name, own.Address, null)] = (false, true);

        var labelled = set.Trailers.ToDictionary(t => Key(t.PatchMessageId, t.Name, t.Address, t.GivenIn), t => t);
        foreach (var (k, t) in labelled)
        {
            var found = predicted.TryGetValue(k, out var flags);
            report.Trailers.Score(true, found);
            if (!found) { report.Mistakes.Add($"trailer {set.Name}: missed {t.Name}: {t.Value} on {t.PatchMessageId} given in {t.GivenIn ?? "-"}"); continue; }
            var ok = flags.Conditional == t.Conditional && flags.Withdrawn == t.Withdrawn;
            report.TrailerFlags.Score(ok);
            if (!ok) report.Mistakes.Add($"trailer-flags {set.Name}: {t.Name} {t.Value} on {t.PatchMessageId}: labelled conditional={t.Conditional} withdrawn={t.Withdrawn}, predicted {flags}");
        }
        foreach (var k in predicted.Keys.Where(k => !labelled.ContainsKey(k)))
        {
            report.Trailers.Score(false, true);
            report.Mistakes.Add($"trailer {set.Name}: extra {k}");
        }
    }

    private static void ScoreResolutions(LabelSet set, Prediction prediction, SetReport report)
    {
        foreach (var label in set.Resolutions)
        {
            var acts = prediction.ActsOf(label.MessageId).Where(a => a.Type == label.Type).ToList();
            var resolved = acts.Select(a => prediction.ResolutionByAct.GetValueOrDefault(a.ActId)).OfType<ReviewActResolved>()
                .OrderBy(r => Array.IndexOf(StatusPriority, r.Status)).ToList();
            var chosen = resolved.FirstOrDefault();
            var ok = chosen?.Status == label.Status;
            report.Resolutions.Score(ok);
            if (ok && label.EvidenceMessageId is { } ev)
            {
                var evOk = resolved.Any(r => r.Status == label.Status && r.EvidenceMessageId is { } e && MessageIds.Key(e) == MessageIds.Key(ev));
                report.ResolutionEvidence.Score(evOk);
                if (!evOk) report.Mistakes.Add($"resolution-evidence {set.Name} {label.MessageId} {label.Type}: labelled {ev}, predicted {chosen!.EvidenceMessageId}");
            }
            if (!ok) report.Mistakes.Add($"resolution {set.Name} {label.MessageId} {label.Type}: labelled {label.Status}, predicted "
                + (chosen is null ? "no such act" : $"{chosen.Status} ({chosen.Reason})"));
        }
    }

    private static string Short(string s)
    {
        var one = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= 90 ? one : one[..90] + "...";
    }
}

/// <summary>Plain union-find over string keys.</summary>
public sealed class UnionFind
{
    private readonly Dictionary<string, string> _parent = new();

    public string Find(string x)
    {
        if (!_parent.TryGetValue(x, out var p)) { _parent[x] = x; return x; }
        if (p == x) return x;
        var root = Find(p);
        _parent[x] = root;
        return root;
    }

    public void Union(string a, string b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra != rb) _parent[rb] = ra;
    }
}
