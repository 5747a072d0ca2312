using Ledger.Core.Review.Parsing;

namespace Ledger.Accuracy;

/// <summary>
/// How often each act rule fires over every reply of an archive (read as a reviewer's reply to a patch), with a few random
/// examples per rule: the check that a rule tuned on the labels does not over-fire on threads nobody labelled.
/// </summary>
public static class RuleCensus
{
    public static string Run(string spec, int examples = 3, int seed = 1)
    {
        var mails = Evaluator.ReadMail(spec).Where(m => m.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase)).ToList();
        var context = new ActContext(false, true);
        var byRule = new Dictionary<string, List<(string Id, string Text)>>();
        foreach (var m in mails)
            foreach (var segment in Replies.Split(m.Body).Segments)
                foreach (var a in ActRules.Classify(segment, context))
                {
                    if (!byRule.TryGetValue($"{a.Type.ToString().ToLowerInvariant()} {a.Rule}", out var list)) byRule[$"{a.Type.ToString().ToLowerInvariant()} {a.Rule}"] = list = [];
                    list.Add((m.MessageId, a.Text));
                }
        var random = new Random(seed);
        var sb = new System.Text.StringBuilder($"{mails.Count} replies\n");
        foreach (var (rule, hits) in byRule.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"{hits.Count,7} {rule} ({hits.Select(h => h.Id).Distinct().Count()} messages)");
            foreach (var (id, text) in hits.OrderBy(_ => random.Next()).Take(examples))
            {
                var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                sb.AppendLine($"          {id}: {(t.Length > 150 ? t[..150] : t)}");
            }
        }
        return sb.ToString();
    }
}
