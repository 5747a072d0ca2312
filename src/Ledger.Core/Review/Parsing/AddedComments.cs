using System.Text;
using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>Prose a hunk adds inside a C-style comment (/* */ or //), markers stripped, lines joined with \n.</summary>
public sealed record AddedComment(string Path, int HunkIndex, string Text);

/// <summary>Finds comment prose added by a diff: rationale often lives there and reviewers reword it.</summary>
public static partial class AddedComments
{
    [GeneratedRegex(@"^\s*(?:/\*+|\*+/|\*+(?!/)|//+)\s?")]
    private static partial Regex LeadingMarker();

    public static IReadOnlyList<AddedComment> Find(IReadOnlyList<RawFileDiff> files)
    {
        var result = new List<AddedComment>();
        foreach (var f in files)
            for (var h = 0; h < f.Hunks.Count; h++)
                result.AddRange(FromHunk(f.NewPath, h, f.Hunks[h]));
        return result;
    }

    private static IEnumerable<AddedComment> FromHunk(string path, int hunkIndex, RawHunk hunk)
    {
        // Walk the new side (context + added). A block comment may open in context and gain added lines.
        var inBlock = false;
        var current = new List<string>();
        var currentHasAdded = false;
        bool lastWasLineComment = false;

        IEnumerable<AddedComment> Emit()
        {
            var text = Tidy(current);
            if (currentHasAdded && text.Length > 0) yield return new AddedComment(path, hunkIndex, text);
            current.Clear();
            currentHasAdded = false;
        }

        foreach (var raw in hunk.Lines)
        {
            if (raw.StartsWith('-')) continue;
            var added = raw.StartsWith('+');
            var code = raw[1..];
            var trimmed = code.TrimStart();

            if (!inBlock)
            {
                var lineComment = trimmed.StartsWith("//", StringComparison.Ordinal);
                if (lastWasLineComment && !lineComment) foreach (var c in Emit()) yield return c;
                lastWasLineComment = lineComment;
                if (lineComment) { Take(code, added); continue; }
                var open = code.IndexOf("/*", StringComparison.Ordinal);
                if (open < 0) continue;
                var close = code.IndexOf("*/", open + 2, StringComparison.Ordinal);
                // Only the comment part of "code; /* note */" is prose.
                Take(code[open..(close < 0 ? code.Length : close + 2)], added);
                if (close < 0) inBlock = true;
                else foreach (var c in Emit()) yield return c;
                continue;
            }

            var end = code.IndexOf("*/", StringComparison.Ordinal);
            Take(end < 0 ? code : code[..(end + 2)], added);
            if (end >= 0)
            {
                inBlock = false;
                foreach (var c in Emit()) yield return c;
            }
        }
        foreach (var c in Emit()) yield return c;

        void Take(string text, bool isAdded)
        {
            // Only added lines count as prose of this hunk; context lines merely locate the comment.
            if (!isAdded) return;
            currentHasAdded = true;
            current.Add(StripMarkers(text));
        }
    }

    private static string StripMarkers(string line)
    {
        var s = LeadingMarker().Replace(line, "");
        var end = s.LastIndexOf("*/", StringComparison.Ordinal);
        if (end >= 0) s = s[..end];
        return s.TrimEnd();
    }

    // Drop leading/trailing empty lines, keep inner paragraph breaks.
    private static string Tidy(List<string> lines)
    {
        var sb = new StringBuilder();
        var start = 0; var stop = lines.Count;
        while (start < stop && lines[start].Trim().Length == 0) start++;
        while (stop > start && lines[stop - 1].Trim().Length == 0) stop--;
        for (var i = start; i < stop; i++)
        {
            if (i > start) sb.Append('\n');
            sb.Append(lines[i].Trim());
        }
        return sb.ToString();
    }
}
