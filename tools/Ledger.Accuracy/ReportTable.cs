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
