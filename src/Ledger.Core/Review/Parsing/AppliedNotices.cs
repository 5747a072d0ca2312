using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>One patch a maintainer reports as applied. Subject is "" for a bare "Applied, thanks" with no list.</summary>
public sealed record AppliedCommit(string Subject, string? Sha, string? Tree);

/// <summary>Reads maintainer "applied" notes, including b4 thank-you messages with per-patch commit ids.</summary>
public static partial class AppliedNotices
{
    // "Applied to kvmarm/next, thanks!", "Thanks, applied.", "Queued for 6.9", "Pushed to for-next", "applied to the foo tree",
    // and pr-tracker-bot's "has been merged into torvalds/linux.git:" at the start of its line.
    [GeneratedRegex(@"^\s*(?:thanks[,!.]?\s*)?(?:I'?ve\s+|I\s+have\s+|now\s+|has\s+been\s+)?(?:applied|queued(?:\s+up)?|pushed|pulled|picked(?:\s+it)?\s+up|merged|taken)\b(?<rest>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex AppliedLine();

    [GeneratedRegex(@"^\s*(?:to|into|in|on|onto|for)\s+(?:the\s+)?(?<tree>[\w.+\-]+(?:/[\w.+\-]+)*)", RegexOptions.IgnoreCase)]
    private static partial Regex TreeAfterVerb();

    // b4 ty: "[1/4] subject" then "      commit: <sha>" or a cgit/web URL ending in the sha.
    [GeneratedRegex(@"^\[(\d+)/(\d+)\]\s+(.+?)\s*$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"(?:commit:\s*|/c/|/commit/?\?id=|/commit/|/-/commit/)([0-9a-f]{7,40})\b", RegexOptions.IgnoreCase)]
    private static partial Regex CommitRef();

    [GeneratedRegex(@"^(?:branch|tree|repo)\b|^the\b|^this\b|^it\b|^and\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotATree();

    [GeneratedRegex(@"\bthanks?\b|\bthx\b", RegexOptions.IgnoreCase)]
    private static partial Regex Thanks();

    // "Queued for 6.9" names a release, not a tree.
    [GeneratedRegex(@"^v?\d+(\.\d+)*$")]
    private static partial Regex Release();

    public static bool IsApplied(string body) => FindAppliedLine(Unquoted(body), out _);

    public static IReadOnlyList<AppliedCommit> Find(string body)
    {
        var lines = Unquoted(body);
        if (!FindAppliedLine(lines, out var tree)) return [];
        var result = new List<AppliedCommit>();
        for (var i = 0; i < lines.Count; i++)
        {
            var m = ListItem().Match(lines[i]);
            if (!m.Success) continue;
            string? sha = null;
            // The commit reference sits on the next line (or two, when b4 wraps it).
            for (var j = i + 1; j < Math.Min(lines.Count, i + 3); j++)
            {
                if (ListItem().IsMatch(lines[j])) break;
                if (CommitRef().Match(lines[j]) is { Success: true } c) { sha = c.Groups[1].Value.ToLowerInvariant(); break; }
            }
            result.Add(new AppliedCommit(m.Groups[3].Value, sha, tree));
        }
        // A notice for the whole posting may still name its commit ("https://git.kernel.org/torvalds/c/<sha>").
        if (result.Count == 0)
            result.Add(new AppliedCommit("", lines.Select(l => CommitRef().Match(l)).FirstOrDefault(c => c.Success)?.Groups[1].Value.ToLowerInvariant(), tree));
        return result;
    }

    private static bool FindAppliedLine(List<string> lines, out string? tree)
    {
        tree = null;
        foreach (var line in lines)
        {
            var m = AppliedLine().Match(line);
            if (!m.Success) continue;
            var rest = m.Groups["rest"].Value;
            // Questions ("applied on top of what?") and long prose are not notices.
            if (rest.Contains('?') || line.Length > 140) continue;
            // "Applied this patch and tested" is a tester, not a maintainer: require a target, thanks, or end of line.
            var t = TreeAfterVerb().Match(rest);
            var hasThanks = Thanks().IsMatch(line);
            if (!t.Success && !hasThanks && rest.Trim().TrimEnd('.', '!').Length > 0) continue;
            if (t.Success && !NotATree().IsMatch(t.Groups["tree"].Value) && !Release().IsMatch(t.Groups["tree"].Value))
                tree = t.Groups["tree"].Value.TrimEnd('.', ',', '!', ':');
            return true;
        }
        return false;
    }

    private static List<string> Unquoted(string body)
    {
        var lines = (body ?? "").Replace("\r\n", "\n").Split('\n');
        var sig = Array.FindIndex(lines, l => l == "-- ");
        return lines.Take(sig >= 0 ? sig : lines.Length).Where(l => !l.TrimStart().StartsWith('>')).ToList();
    }
}
