using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

public sealed record PatchBody(
    string CommitMessage, IReadOnlyList<Trailer> Trailers, string Notes, string Diffstat,
    IReadOnlyList<FileDiff> Files, IReadOnlyList<AddedComment> AddedComments,
    string? PatchId, string? ChangeId, string? BaseCommit);

/// <summary>Splits a patch mail body: message, trailer block, "---", notes, diffstat, diff.</summary>
public static partial class PatchBodies
{
    // " path/to/file | 12 +++--" and " pixel.bmp | Bin 0 -> 142 bytes"
    [GeneratedRegex(@"^\s+\S.*\|\s+(?:\d+\s*[+\-]*|Bin\b.*)\s*$")]
    private static partial Regex DiffstatFile();

    [GeneratedRegex(@"^\s*\d+ files? changed|^\s+(?:create|delete) mode \d+ |^\s+(?:rename|copy) .*\(\d+%\)$|^\s+mode change \d+")]
    private static partial Regex DiffstatSummary();

    [GeneratedRegex(@"^change-id:\s*(\S+)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ChangeIdLine();

    [GeneratedRegex(@"^base-commit:\s*([0-9a-fA-F]{7,40})\s*$", RegexOptions.Multiline)]
    private static partial Regex BaseCommitLine();

    // In-body pseudo-headers that git am honours at the very top of the body.
    [GeneratedRegex(@"^(?:From|Date|Subject):\s")]
    private static partial Regex PseudoHeader();

    [GeneratedRegex(@"are available in the Git repository at|^The following changes since commit [0-9a-f]{7,}", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PullRequestMarker();

    public static bool LooksLikePatch(string body) => Diffs.FindStart(SplitLines(body)) >= 0;

    public static PatchBody Parse(string body)
    {
        var text = body ?? "";
        var lines = SplitLines(text);
        var diffStart = Diffs.FindStart(lines);
        var raw = diffStart >= 0 ? Diffs.Parse(lines, diffStart) : [];
        var files = raw.Select(f => f.ToFileDiff()).ToList();
        var comments = AddedComments.Find(raw);
        var patchId = PatchIds.Compute(raw);
        var changeId = ChangeIdLine().Match(text) is { Success: true } c ? c.Groups[1].Value : null;
        var baseCommit = BaseCommitLine().Match(text) is { Success: true } bc ? bc.Groups[1].Value : null;

        var head = lines.Take(diffStart >= 0 ? diffStart : lines.Length).ToList();
        if (PullRequestMarker().IsMatch(string.Join('\n', head)))
            return new PatchBody(Join(head).Trim(), [], "", "", files, comments, patchId, changeId, baseCommit);

        // The first "---" line separates the commit message from the notes (only meaningful before the diff).
        var sep = head.FindIndex(l => l.TrimEnd() == "---");
        var message = sep >= 0 ? head.Take(sep).ToList() : head;
        var after = sep >= 0 ? head.Skip(sep + 1).ToList() : [];

        message = DropPseudoHeaders(message);
        var (msgLines, trailers) = SplitTrailerBlock(message);

        var stat = new List<string>();
        var notes = new List<string>();
        foreach (var l in after)
        {
            if (DiffstatFile().IsMatch(l) || DiffstatSummary().IsMatch(l)) stat.Add(l);
            else notes.Add(l);
        }
        return new PatchBody(Join(msgLines).Trim(), trailers, Join(notes).Trim('\n', ' ', '\t'),
            Join(stat).TrimEnd(), files, comments, patchId, changeId, baseCommit);
    }

    private static List<string> DropPseudoHeaders(List<string> message)
    {
        var i = 0;
        while (i < message.Count && message[i].Trim().Length == 0) i++;
        var start = i;
        while (i < message.Count && PseudoHeader().IsMatch(message[i])) i++;
        if (i == start) return message;
        // A pseudo-header block must end in a blank line, otherwise it is prose that happens to start "From: ".
        if (i < message.Count && message[i].Trim().Length != 0) return message;
        return message.Skip(i).ToList();
    }

    /// <summary>The trailer block is the last paragraph of the message when it consists mostly of trailers.</summary>
    private static (List<string> Message, IReadOnlyList<Trailer> Trailers) SplitTrailerBlock(List<string> message)
    {
        var end = message.Count;
        while (end > 0 && message[end - 1].Trim().Length == 0) end--;
        var start = end;
        while (start > 0 && message[start - 1].Trim().Length != 0) start--;
        if (start >= end) return (message, []);

        var block = message.Skip(start).Take(end - start).ToList();
        var found = Trailers.Find(string.Join('\n', block));
        var trailerLines = block.Count(l => Trailers.TryParseLine(l, out _, out _));
        // Allow comment lines like "[maz: fixed typo]" and wrapped values, but not plain prose.
        var other = block.Count(l => !Trailers.TryParseLine(l, out _, out _) && !l.TrimStart().StartsWith('[') && !char.IsWhiteSpace(l[0]) && !l.TrimStart().StartsWith('<'));
        if (found.Count == 0 || trailerLines < other) return (message, []);
        var shifted = found.Select(t => t with { Line = t.Line + start }).ToList();
        return (message.Take(start).ToList(), shifted);
    }

    private static string[] SplitLines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);
}
