using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>A proposed text found in a reply. Lines [FirstLine, LastLine] of the text are the proposal itself.</summary>
public sealed record ProposedWording(string Rule, string Text, string Proposed, double Confidence, bool IsCode, int FirstLine, int LastLine);

/// <summary>Finds replacement wording a replier proposes: s/old/new/, "something like:" blocks, quoted phrasings.</summary>
public static partial class Rewordings
{
    // s/old/new/ (closing slash optional). Not inside paths/URLs: no word char, slash, dot or colon before "s".
    [GeneratedRegex(@"(?<![\w/.:~-])s/(?<old>[^/\n]+)/(?<new>[^/\n]*)(?<close>/)?")]
    private static partial Regex Substitution();

    // Explicit cues that the following text is replacement wording.
    [GeneratedRegex(@"\b(?:something\s+like|more\s+like|along\s+the\s+lines\s+of|how\s+about|what\s+about|I\s+would\s+write|I'd\s+write|I\s+would\s+say|I'd\s+say|(?:suggest|consider)\s+(?:rewording|rephrasing|changing)|re(?:word|phrase)\w*(?:\s+\w+){0,3}\s+(?:as|to)|as\s+follows|like\s+this|e\.g\.|for\s+example|such\s+as|maybe|perhaps|instead|rather|write\s+a\s+comment|comment\s+(?:like|saying)|reads?\s+better)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    [GeneratedRegex(@"(?:\b(?:something\s+like|more\s+like|along\s+the\s+lines\s+of|how\s+about|like|maybe|perhaps|rather|instead|e\.g\.|such\s+as|nit(?:pick)?|suggest(?:ion)?|re(?:word|phrase)\w*(?:\s+(?:it|this))?(?:\s+(?:as|to))?|call\s+it|name\s+it|write|say)\s*[:,]?\s*)[""“](?<q>[^""“”]{6,})[""”]", RegexOptions.IgnoreCase)]
    private static partial Regex CuedQuote();

    // change "gfn_to_pfn_prot" to "__gfn_to_pfn_memslot": a replacement spelled out in prose, like s/old/new/.
    [GeneratedRegex(@"\b(?:change|replace|rename|turn|reword)\s+[""“'](?<old>[^""“”'\n]{1,80})[""”']\s+(?:to|with|by|into)\s+[""“'](?<new>[^""“”'\n]{1,120})[""”']", RegexOptions.IgnoreCase)]
    private static partial Regex ChangeQuotedTo();

    [GeneratedRegex(@"^\s*[""“](?<q>[^""“”]{10,})[""”]\s*[.:]?\s*$")]
    private static partial Regex QuotedParagraph();

    // Code-looking lines: statements, braces, preprocessor, diff lines, assignments, calls.
    [GeneratedRegex(@"[;{}]\s*$|\w\s*=\s*[\w(]|^(?:diff --git|index [0-9a-f]|@@ )|^\s*#\s*(?:define|include|if|endif|else)|^[+\-@]|==|!=|->|&&|\|\||^\s*(?:if|for|while|return|switch|case)\b.*[(;]|\w\(.*\)\s*[;{]?\s*$")]
    private static partial Regex CodeLine();

    // A line of a pasted diff or of C cut by a wrap: a hunk header, a +/- line (not a "- " bullet or "--" rule), or a line ending
    // inside an expression.
    [GeneratedRegex(@"^(?:@@ |diff --git |index [0-9a-f]|[+\-](?:\t|(?=[^\s+\-])))|[;{}(|&=]\s*$")]
    private static partial Regex PastedCodeLine();

    // Links, footnotes, file names, and a commit id line ("      commit: e26bb75aa2f1", as b4's thank-you lists them).
    [GeneratedRegex(@"^\s*(?:https?://|\[\d+\]|[\w./-]+\.[ch]\b|commit:?\s+[0-9a-f]{7,40}\b)")]
    private static partial Regex ReferenceLine();

    [GeneratedRegex(@"^(?:/\*+|\*+/|\*+)\s?|\s*\*+/$")]
    private static partial Regex CommentMarker();

    [GeneratedRegex(@"^\s*(?:[-*•+]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s")]
    private static partial Regex ListItem();

    // "*corner cases" under a caret line: the conventional spelling correction.
    [GeneratedRegex(@"^\s*\*(?<w>\w[\w' -]{0,60}?)\*?\s*$")]
    private static partial Regex StarCorrection();

    // Pasted output rather than proposed text: dmesg timestamps, backtrace frames, compiler diagnostics, register dumps,
    // shell prompts, test-harness results, kbuild's "  CC      arch/arm64/kvm/mmu.o" and the linker's complaints.
    [GeneratedRegex(@"^\s*(?:CC|LD|AR|AS|GEN|MODPOST|MODINFO|HOSTCC|HOSTLD|CHK|UPD|CALL|OBJCOPY|KSYM|SYSMAP|SORTTAB|DTC|BTF|LDS|CPP|VDSO\w*)(?:\s+\[M\])?\s+[\w./-]+\s*$|^\s*ld(?:\.\w+)?:\s|\bundefined reference to\b|^\s*make(?:\[\d+\])?:\s|^\s*\[\s*\d+\.\d+\]|\+0x[0-9a-f]+/0x[0-9a-f]+|^\s*[\w./-]+\.(?:c|h|S|rs|py):\d+(?::\d+)?:\s|^\s*(?:error|warning|note|fatal|ERROR|WARNING|BUG|Oops|Call\s+trace|Kernel\s+panic)\b[^=(]*:|\b(?:x\d{1,2}|pc|lr|sp)\s*:\s*[0-9a-f]{8,}|^\s*[\w@.-]*[$#]\s+\S|^\s*(?:ok|not\s+ok)\s+\d+\b|^\s*(?:PASS|FAIL|SKIP)\b|(?:\b[0-9a-f]{8,16}\b.*){3}", RegexOptions.IgnoreCase)]
    private static partial Regex LogLine();

    /// <summary>A line of pasted log, trace or tool output.</summary>
    public static bool IsLogLine(string line) => LogLine().IsMatch(line);

    private static bool IsLog(IEnumerable<string> block)
    {
        var lines = block.Where(l => l.Trim().Length > 0).ToList();
        return lines.Count > 0 && lines.Count(IsLogLine) * 3 >= lines.Count;
    }

    /// <summary>The rule of a block that only continues pasted code: its lines are not prose, and it proposes nothing.</summary>
    public const string PasteContinuation = "paste-continuation";

    public static IReadOnlyList<ProposedWording> Find(string text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        var result = new List<ProposedWording>();

        for (var i = 0; i < lines.Length; i++)
            foreach (Match m in Substitution().Matches(lines[i]))
            {
                var proposed = m.Groups["new"].Value;
                if (!m.Groups["close"].Success)
                {
                    // Unterminated: "s/old/new." ends at the first space unless the old side had spaces too.
                    if (!m.Groups["old"].Value.Contains(' ')) proposed = proposed.Split(' ')[0];
                    proposed = proposed.TrimEnd('.', ',', ';', ':', ')');
                }
                result.Add(new ProposedWording("rewording.s-slash", m.Value, proposed.Trim(), 0.9, false, i, i));
            }

        if (lines.Count(l => l.Trim().Length > 0) == 1 && StarCorrection().Match(lines.First(l => l.Trim().Length > 0)) is { Success: true } sc)
            result.Add(new ProposedWording("rewording.star-correction", sc.Value.Trim(), sc.Groups["w"].Value.Trim(), 0.6, false, 0, lines.Length - 1));

        var i2 = 0;
        while (i2 < lines.Length)
        {
            if (!IsBlockLine(lines[i2])) { i2++; continue; }
            var start = i2;
            var end = i2;
            // Indented paragraphs separated by blank lines form one proposal.
            for (var j = i2; j < lines.Length; j++)
            {
                if (IsBlockLine(lines[j])) end = j;
                else if (lines[j].Trim().Length != 0) break;
            }
            i2 = end + 1;
            var block = lines[start..(end + 1)];
            var intro = PreviousNonBlank(lines, start);
            var introText = intro >= 0 ? lines[intro].Trim() : "";
            var isComment = block.Any(l => l.TrimStart().StartsWith("/*", StringComparison.Ordinal));
            var body = isComment ? StripComment(block) : Dedent(block);
            var nonBlank = block.Count(l => l.Trim().Length > 0);
            if (block.All(l => l.Trim().Length == 0 || ReferenceLine().IsMatch(l))) continue;
            if (IsLog(block)) continue;
            var codeLines = block.Count(l => CodeLine().IsMatch(l.Trim()));
            var isCode = !isComment && codeLines * 3 >= nonBlank;
            // An indented line right after a line of pasted code or diff continues it (a mail client wrapped "int kvm_handle(struct
            // kvm_vcpu\n *vcpu)"): it is part of the paste, no proposal of its own (kept only so that it is not read as prose).
            if (!isCode && intro >= 0 && intro == start - 1 && PastedCodeLine().IsMatch(lines[intro]))
            {
                result.Add(new ProposedWording(PasteContinuation, introText, body, 0, true, start, end));
                continue;
            }
            var cued = Cue().IsMatch(introText);
            var colon = introText.EndsWith(':');
            // Hanging indents of a list item ("1) foo\n   bar") and bullet lists are structure, not wording.
            if (intro == start - 1 && ListItem().IsMatch(introText)) continue;
            var isList = ListItem().IsMatch(block.First(l => l.Trim().Length > 0));
            if (isList && !isCode)
            {
                if (cued || colon) result.Add(new ProposedWording("suggestion.list", introText, body, 0.5, true, start, end));
                continue;
            }
            var (rule, conf) = isCode
                ? ("suggestion.code-block", cued || colon ? 0.6 : 0.45)
                : cued ? ("rewording.something-like", 0.85)
                : colon ? ("rewording.block-after-colon", 0.7)
                : isComment ? ("rewording.comment-block", 0.6)
                : nonBlank >= 2 ? ("rewording.indented-block", 0.5) : ("", 0);
            if (rule.Length == 0) continue;
            result.Add(new ProposedWording(rule, introText, body, conf, isCode, start, end));
        }

        // "...something like:" followed by an unindented paragraph.
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (!t.EndsWith(':') || !Cue().IsMatch(t) || IsBlockLine(lines[i])) continue;
            var k = i + 1;
            while (k < lines.Length && lines[k].Trim().Length == 0) k++;
            if (k >= lines.Length || IsBlockLine(lines[k]) || result.Any(r => r.FirstLine <= k && k <= r.LastLine)) continue;
            var e = k;
            while (e + 1 < lines.Length && lines[e + 1].Trim().Length > 0) e++;
            var para = lines[k..(e + 1)];
            if (IsLog(para)) continue;
            // An unindented pasted diff or code is a code suggestion, and runs to the end of the paste.
            if (para.Count(l => CodeLine().IsMatch(l.Trim()) || l.StartsWith('+') || l.StartsWith('-')) * 3 >= para.Length)
            {
                while (e + 1 < lines.Length && (lines[e + 1].Trim().Length == 0 || CodeLine().IsMatch(lines[e + 1]) || lines[e + 1].StartsWith(' ') || lines[e + 1].StartsWith('+') || lines[e + 1].StartsWith('-'))) e++;
                result.Add(new ProposedWording("suggestion.code-block", t, string.Join('\n', lines[k..(e + 1)]).TrimEnd(), 0.6, true, k, e));
                continue;
            }
            result.Add(new ProposedWording("rewording.something-like", t, string.Join('\n', para.Select(l => l.Trim())), 0.75, false, k, e));
        }

        // Quoted phrasings inside prose: Maybe more like "....", Nitpick: "supporting write-combining".
        var paragraphs = Paragraphs(lines);
        foreach (var (first, last) in paragraphs)
        {
            if (result.Any(r => r.FirstLine <= first && last <= r.LastLine)) continue;
            var joined = string.Join(' ', lines[first..(last + 1)].Select(l => l.Trim()));
            // The sentence around it stays prose (FirstLine -1): "we should change ..." is read for acts too.
            foreach (Match m in ChangeQuotedTo().Matches(joined))
                result.Add(new ProposedWording("rewording.change-to", m.Value, m.Groups["new"].Value.Trim(), 0.75, false, -1, -1));
            var cq = CuedQuote().Match(joined);
            if (cq.Success)
                result.Add(new ProposedWording("rewording.quoted", joined, cq.Groups["q"].Value.Trim(), 0.7, false, -1, -1));
            else if (QuotedParagraph().Match(joined) is { Success: true } qp)
                result.Add(new ProposedWording("rewording.quoted-paragraph", joined, qp.Groups["q"].Value.Trim(), 0.55, false, first, last));
        }
        return result;
    }

    /// <summary>
    /// A spelling fix rather than new wording: "*corner cases", or s/old/new/ between two single words at most two edits apart
    /// ("uncertainity" to "uncertainty", "Adds" to "Add").
    /// </summary>
    public static bool IsTypoFix(ProposedWording p)
    {
        if (p.Rule == "rewording.star-correction") return true;
        if (p.Rule != "rewording.s-slash") return false;
        var m = Substitution().Match(p.Text);
        if (!m.Success) return false;
        var (old, @new) = (m.Groups["old"].Value.Trim(), p.Proposed.Trim());
        if (old.Length == 0 || @new.Length == 0 || old.Contains(' ') || @new.Contains(' ')) return false;
        return Distance(old.ToLowerInvariant(), @new.ToLowerInvariant()) <= Math.Min(2, Math.Max(1, old.Length / 4));
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }

    private static bool IsBlockLine(string l) =>
        l.Trim().Length > 0 && (char.IsWhiteSpace(l[0]) || l.TrimStart().StartsWith("/*", StringComparison.Ordinal) || (l.TrimStart().StartsWith('*') && l.TrimStart().Length > 1 && l.TrimStart()[1] is ' ' or '/'));

    private static int PreviousNonBlank(string[] lines, int before)
    {
        for (var k = before - 1; k >= 0; k--) if (lines[k].Trim().Length > 0) return IsBlockLine(lines[k]) ? -1 : k;
        return -1;
    }

    private static List<(int First, int Last)> Paragraphs(string[] lines)
    {
        var result = new List<(int, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var s = i;
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0) i++;
            result.Add((s, i));
        }
        return result;
    }

    private static string Dedent(string[] block)
    {
        var indent = block.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', block.Select(l => l.Trim().Length == 0 ? "" : l[indent..].TrimEnd())).Trim('\n');
    }

    private static string StripComment(string[] block) =>
        string.Join('\n', block.Select(l => CommentMarker().Replace(l.Trim(), "").TrimEnd())).Trim('\n');
}
