using Ledger.Core.Review.Acts;
using Ledger.Core.Review.Parsing;
using Ledger.Core.Review.Threads;

namespace Ledger.Accuracy;

/// <summary>
/// How often each act rule fires over every reply of an archive, with a few random examples per rule: the check that a rule
/// tuned on the labels does not over-fire on threads nobody labelled. Each reply is read as the pipeline reads it (patch author
/// or not, answering a reviewer or not); replies whose posting is not in the archive are read as a reviewer's answer to a patch.
/// </summary>
public static class RuleCensus
{
    /// <param name="only">Count every rule but show examples only for rules whose name contains this.</param>
    public static string Run(string spec, int examples = 3, int seed = 1, string? only = null)
    {
        var index = new MailIndex(Evaluator.ReadMail(spec));
        var replies = index.All.Where(v => !v.IsPosting && v.Mail.Subject.StartsWith("Re:", StringComparison.OrdinalIgnoreCase)).ToList();
        var byRule = new Dictionary<string, List<(string Id, string Text, string Quote)>>();
        foreach (var reply in replies)
        {
            var posting = index.PostingOf(reply);
            var context = posting is null ? new ActContext(false, true) : ActExtraction.Context(index, reply, posting, posting.Mail.FromAddress);
            foreach (var (segment, a) in ActExtraction.ActsOf(index, reply, context, posting?.Mail.FromAddress ?? ""))
                {
                    var key = $"{a.Type.ToString().ToLowerInvariant()} {a.Rule}";
                    if (!byRule.TryGetValue(key, out var list)) byRule[key] = list = [];
                    list.Add((reply.Mail.MessageId, a.Text, LastLine(segment.QuotedContext)));
                }
        }
        var random = new Random(seed);
        var sb = new System.Text.StringBuilder($"{replies.Count} replies\n");
        foreach (var (rule, hits) in byRule.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sb.AppendLine($"{hits.Count,7} {rule} ({hits.Select(h => h.Id).Distinct().Count()} messages)");
            if (only is not null && !rule.Contains(only, StringComparison.Ordinal)) continue;
            foreach (var (id, text, quote) in hits.OrderBy(_ => random.Next()).Take(examples))
            {
                var t = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                sb.AppendLine($"          {id}: {(t.Length > 150 ? t[..150] : t)}");
                // What the act answers: the last quoted line above it, so that rules read from the quote can be judged.
                if (quote.Length > 0) sb.AppendLine($"              << {(quote.Length > 110 ? quote[..110] : quote)}");
            }
        }
        return sb.ToString();
    }

    /// <summary>Every act of one reply as the census reads it, with its context: for checking a rule on a single message.</summary>
    public static string Explain(string spec, string messageId)
    {
        var index = new MailIndex(Evaluator.ReadMail(spec));
        var reply = index.Find(messageId) ?? throw new ArgumentException($"{messageId} not in {spec}");
        var posting = index.PostingOf(reply);
        var context = posting is null ? new ActContext(false, true) : ActExtraction.Context(index, reply, posting, posting.Mail.FromAddress);
        var sb = new System.Text.StringBuilder($"{context}\n");
        foreach (var (segment, a) in ActExtraction.ActsOf(index, reply, context, posting?.Mail.FromAddress ?? ""))
            sb.AppendLine($"  #{segment.Index} {a.Type} {a.Rule}: {a.Text}");
        return sb.ToString();
    }

    private static string LastLine(string? quoted) =>
        (quoted ?? "").Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "";
}
