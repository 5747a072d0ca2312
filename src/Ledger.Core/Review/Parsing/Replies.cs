using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>Consecutive quoted lines of one depth, with one "> " marker removed.</summary>
public sealed record QuoteBlock(IReadOnlyList<string> QuotedLines, int Depth);

/// <summary>Text the replier wrote, and the depth-1 quoted lines just above it (what the text answers).</summary>
public sealed record ReplySegment(string QuotedContext, string Text, int Index);

public sealed record ReplyBody(string? Attribution, IReadOnlyList<ReplySegment> Segments, string Unquoted);

/// <summary>Splits an interleaved-quoting reply into (quoted context, answer) segments.</summary>
public static partial class Replies
{
    // "On Mon, ... X wrote:", "X <a@b> writes:", "Le ... a écrit :", "Am ... schrieb X:", "Quoting X (date):"
    [GeneratedRegex(@"(?:\bwrote|\bwrites|\ba écrit|\bschrieb\b.*|\bescribió|\bha scritto|\bnapisał\w*)\s*:\s*$|^Quoting .*:\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AttributionEnd();

    // Lines in the replier's text that only point at or elide the quote: "^^^^", "[...]", "<snip>".
    [GeneratedRegex(@"^\s*(?:[\^~]+|\[\s*(?:\.\.\.|…|snip\w*)\s*\]|<\s*snip\w*\s*>|\.\.\.)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    public static ReplyBody Split(string body)
    {
        var lines = RemoveSignature(RemoveListFooter((body ?? "").Replace("\r\n", "\n").Split('\n').ToList()));
        var attribution = TakeAttribution(lines);

        var segments = new List<ReplySegment>();
        var quoted = new List<(int Depth, string Text)>();
        var text = new List<string>();
        var unquoted = new List<string>();

        void FlushText()
        {
            var t = string.Join('\n', text).Trim('\n', '\r');
            if (t.Trim().Length > 0)
            {
                segments.Add(new ReplySegment(Context(quoted), t.TrimEnd(), segments.Count));
                quoted.Clear();
            }
            text.Clear();
        }

        foreach (var line in lines)
        {
            var depth = Depth(line, out var stripped);
            if (depth > 0)
            {
                if (text.Any(t => t.Trim().Length > 0)) FlushText();
                text.Clear();
                quoted.Add((depth, stripped));
                continue;
            }
            if (Filler().IsMatch(line)) continue;
            text.Add(line);
            unquoted.Add(line);
        }
        FlushText(); // trailing quotes with no answer after them are simply never emitted

        return new ReplyBody(attribution, segments, string.Join('\n', unquoted).Trim());
    }

    /// <summary>Runs of quoted lines grouped by depth (the replier's own lines end a run).</summary>
    public static IReadOnlyList<QuoteBlock> Quotes(string body)
    {
        var blocks = new List<QuoteBlock>();
        var cur = new List<string>();
        var curDepth = 0;
        foreach (var line in (body ?? "").Replace("\r\n", "\n").Split('\n'))
        {
            var d = QuoteDepth(line, out _);
            if (d != curDepth && cur.Count > 0) { blocks.Add(new QuoteBlock(cur.ToList(), curDepth)); cur.Clear(); }
            curDepth = d;
            if (d > 0) cur.Add(StripOnce(line));
        }
        if (cur.Count > 0) blocks.Add(new QuoteBlock(cur.ToList(), curDepth));
        return blocks;
    }

    /// <summary>Quote depth of a line, with all markers removed in <paramref name="stripped"/>.</summary>
    public static int Depth(string line, out string stripped)
    {
        var depth = QuoteDepth(line, out var end);
        stripped = depth == 0 ? line : line[end..];
        return depth;
    }

    /// <summary>
    /// The quote markers at the start of a line, as ^((?:[ \t]?>)+)[ \t]? would match them: how many '>' and where the
    /// text starts. A scan by hand, since every line of every reply is read through it.
    /// </summary>
    private static int QuoteDepth(string line, out int end)
    {
        int depth = 0, i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '>') i++;
            else if (i + 1 < line.Length && line[i] is ' ' or '\t' && line[i + 1] == '>') i += 2;
            else break;
            depth++;
        }
        if (depth > 0 && i < line.Length && line[i] is ' ' or '\t') i++;
        end = i;
        return depth;
    }

    private static string StripOnce(string line)
    {
        var i = line.IndexOf('>');
        var s = line[(i + 1)..];
        return s.StartsWith(' ') ? s[1..] : s;
    }

    // The context is the shallowest quote level above the answer: the message being replied to.
    // Nested attribution lines ("> On ... wrote:") are dropped as noise.
    private static string Context(List<(int Depth, string Text)> quoted)
    {
        if (quoted.Count == 0) return "";
        var min = quoted.Min(q => q.Depth);
        var chosen = quoted.Where(q => q.Depth == min && !AttributionEnd().IsMatch(q.Text)).Select(q => q.Text.TrimEnd()).ToList();
        return string.Join('\n', chosen).Trim('\n');
    }

    // Mailman's footer: a rule of underscores, then "kvmarm mailing list", the address, the listinfo URL.
    [GeneratedRegex(@"^_{20,}\s*$")]
    private static partial Regex FooterRule();

    [GeneratedRegex(@"\bmailing list\s*$|/listinfo/", RegexOptions.IgnoreCase)]
    private static partial Regex FooterLine();

    /// <summary>The list's footer is nobody's words: without it a bare "Reviewed-by:" reply does not read as discussion.</summary>
    private static List<string> RemoveListFooter(List<string> lines)
    {
        for (var i = lines.Count - 1; i >= 0; i--)
            if (FooterRule().IsMatch(lines[i]) && lines.Skip(i + 1).Take(3).Any(l => FooterLine().IsMatch(l)))
                return lines.Take(i).ToList();
        return lines;
    }

    private static List<string> RemoveSignature(List<string> lines)
    {
        // "-- " is the standard delimiter; a bare "--" is common too. Only unquoted ones count.
        // Decoders that unwrap format=flowed glue "-- " to the next line ("-- Cheers,"): accept that near the end.
        var sig = lines.FindIndex(l => l == "-- " || l == "--");
        if (sig < 0) sig = lines.FindIndex(l => l.StartsWith("-- ", StringComparison.Ordinal) && l.Length < 40);
        if (sig >= 0 && lines.Skip(sig).Count(l => QuoteDepth(l, out _) > 0) > 0 && lines.Count - sig > 15) sig = -1;
        return sig >= 0 ? lines.Take(sig).ToList() : lines;
    }

    /// <summary>Removes the "On ..., X wrote:" paragraph that precedes the first quote and returns it.</summary>
    private static string? TakeAttribution(List<string> lines)
    {
        var firstQuote = lines.FindIndex(l => QuoteDepth(l, out _) > 0);
        if (firstQuote < 0) return null;
        var end = firstQuote - 1;
        while (end >= 0 && lines[end].Trim().Length == 0) end--;
        if (end < 0 || !AttributionEnd().IsMatch(lines[end].TrimEnd())) return null;
        // Clients wrap long attributions; take up to 3 lines of the same paragraph.
        var start = end;
        while (start > 0 && end - start < 2 && lines[start - 1].Trim().Length > 0 && !lines[start].TrimStart().StartsWith("On ", StringComparison.Ordinal)) start--;
        var attribution = string.Join(' ', lines.Skip(start).Take(end - start + 1).Select(l => l.Trim()));
        lines.RemoveRange(start, end - start + 1);
        return attribution;
    }
}
