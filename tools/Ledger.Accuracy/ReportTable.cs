using System.Text;

namespace Ledger.Accuracy;

/// <summary>Plain-text (and Markdown) tables of the scores.</summary>
public static class ReportTable
{
    public static string Acts(IReadOnlyList<SetReport> reports)
    {
        var sb = new StringBuilder();
        sb.Append("| act type |");
        foreach (var r in reports) sb.Append($" {r.Name} P / R / F1 (n) |");
        sb.AppendLine();
        sb.Append("|---|").Append(string.Concat(reports.Select(_ => "---|"))).AppendLine();
        foreach (var t in Labels.ActTypes.Append("micro"))
        {
            sb.Append($"| {t} |");
            foreach (var r in reports)
            {
                var c = t == "micro" ? r.ActMicro : r.Act(t);
                sb.Append(c.Labelled == 0 && c.Predicted == 0 ? " - |" : $" {c.Precision:0.00} / {c.Recall:0.00} / {c.F1:0.00} ({c.Labelled}) |");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>How often each rule's act type agrees with the label of the reply it fired in (type-level, so two rules may share a hit).</summary>
    public static string Rules(SetReport report)
    {
        var sb = new StringBuilder($"rules on {report.Name}: type labelled / replies fired in\n");
        foreach (var (rule, a) in report.Rules.OrderBy(r => r.Value.Rate).ThenBy(r => r.Key, StringComparer.Ordinal))
            sb.AppendLine($"  {a.Agreeing,3}/{a.Total,-3} {rule}");
        return sb.ToString();
    }

    public static string Structure(IReadOnlyList<SetReport> reports)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| set | msgs | replies | series pairs P / R | patch-chain pairs P / R | versions exact | trailers P / R | trailer flags | resolution status | resolution evidence |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in reports)
            sb.AppendLine($"| {r.Name} | {r.Messages} | {r.Replies} | {Pr(r.SeriesPairs)} | {Pr(r.PatchPairs)} | {r.Versions} | {Pr(r.Trailers)} | {r.TrailerFlags} | {r.Resolutions} | {r.ResolutionEvidence} |");
        return sb.ToString();
    }

    private static string Pr(Counts c) => c.Labelled == 0 && c.Predicted == 0 ? "-" : $"{c.Precision:0.00} / {c.Recall:0.00} ({c.TruePositives}/{c.Predicted}/{c.Labelled})";
}
