using Ledger.Accuracy;

// ledger-accuracy [--labels DIR] [--vfio MBOX] [--kvmarm EPOCH.git] [--per-set] [--synthetic N] [--seed S] [--mistakes] [--blind SET]
//                 | --rule-census SOURCE [--examples N] [--only RULE-PART] [--explain MESSAGE-ID]
string? labelsDir = null, vfio = null, kvmarm = null, census = null, only = null, explain = null;
int synthetic = 0, seed = 42, examples = 3;
bool perSet = false, mistakes = false;
var blind = new HashSet<string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--labels": labelsDir = Next(); break;
        case "--vfio": vfio = Next(); break;
        case "--kvmarm": kvmarm = Next(); break;
        case "--per-set": perSet = true; break;
        case "--synthetic": synthetic = int.Parse(Next()); break;
        case "--seed": seed = int.Parse(Next()); break;
        case "--mistakes": mistakes = true; break;
        case "--rule-census": census = Next(); break;
        case "--examples": examples = int.Parse(Next()); break;
        case "--only": only = Next(); break;
        case "--explain": explain = Next(); break;
        case "--blind": blind.UnionWith(Next().Split(',')); break;
        case "-h" or "--help":
            Console.WriteLine("ledger-accuracy [--labels DIR] [--vfio MBOX] [--kvmarm EPOCH.git] [--per-set] [--synthetic N] [--seed S] [--mistakes] [--blind SET,...] | --rule-census SOURCE [--examples N] [--only RULE-PART]");
            Console.WriteLine("  --blind: leave these label sets out of every score and listing (a held-out set while rules are tuned).");
            Console.WriteLine("  --kvmarm: a bare mirror of the kvmarm bundle (git clone --mirror .../kvmarm-2019-2023.bundle /tmp/acc/git/0.git);");
            Console.WriteLine("            the whole archive is interpreted once unless --per-set (each set from its own messages only).");
            return 0;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

if (census is not null && explain is not null)
{
    Console.Write(RuleCensus.Explain(census, explain));
    return 0;
}
if (census is not null)
{
    Console.Write(RuleCensus.Run(census, examples, only: only));
    return 0;
}

// A blind held-out set is left out entirely while rules are tuned: neither its scores nor its mistakes are seen.
var labels = Labels.Load(labelsDir).Where(l => !blind.Contains(l.Name)).ToList();
var reports = new List<SetReport> { AccuracyRun.Vfio(labels, vfio) };
if (kvmarm is not null)
{
    var (kv, timing) = AccuracyRun.Kvmarm(labels, kvmarm, wholeArchive: !perSet);
    Console.WriteLine($"kvmarm: {timing}");
    reports.AddRange(kv);
    reports.Add(AccuracyRun.Total("kvmarm (all)", kv));
    reports.Add(AccuracyRun.Total("all labels", reports.Take(1).Concat(kv)));
}
if (synthetic > 0)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    reports.Add(SyntheticEvaluation.Run(synthetic, seed));
    Console.WriteLine($"synthetic: {synthetic} messages generated and interpreted in {clock.Elapsed.TotalSeconds:0.0}s");
}

Console.WriteLine();
Console.WriteLine(ReportTable.Structure(reports));
// Per-set kvmarm columns would crowd the act table; held-out sets (labelled before rule changes) are shown on their own.
var shown = reports.Where(r => !r.Name.StartsWith("kvmarm-", StringComparison.Ordinal) || r.Name.Contains("heldout", StringComparison.Ordinal) || kvmarm is null).ToList();
Console.WriteLine(ReportTable.Acts(shown.Count > 0 ? shown : reports));
if (mistakes)
{
    // Rule agreement on the labelled sets in view (run with --blind to keep a held-out set a check, not a target).
    var tuning = reports.Where(r => !r.Name.Contains("all", StringComparison.Ordinal) && !r.Name.StartsWith("synthetic", StringComparison.Ordinal));
    var tuned = AccuracyRun.Total("labels in view", tuning);
    Console.WriteLine(ReportTable.Acts([tuned]));
    Console.WriteLine(ReportTable.Rules(tuned));
    foreach (var r in reports.Where(r => !r.Name.Contains("all", StringComparison.Ordinal)))
        foreach (var m in r.Mistakes) Console.WriteLine(m);
}
return 0;
