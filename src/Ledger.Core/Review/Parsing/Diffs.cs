using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

public sealed record DiffHunk(string Header, int OldStart, int NewStart, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, string? Function);

public sealed record FileDiff(string OldPath, string NewPath, bool IsBinary, bool IsNew, bool IsDeleted, bool IsRename, IReadOnlyList<DiffHunk> Hunks);

/// <summary>A hunk with every body line kept (prefix included); patch-id and comment extraction need the context lines.</summary>
public sealed record RawHunk(string Header, int OldStart, int NewStart, string? Function, IReadOnlyList<string> Lines);

public sealed record RawFileDiff(string OldPath, string NewPath, bool IsBinary, bool IsNew, bool IsDeleted, bool IsRename, IReadOnlyList<RawHunk> Hunks)
{
    public FileDiff ToFileDiff() => new(OldPath, NewPath, IsBinary, IsNew, IsDeleted, IsRename,
        Hunks.Select(h => new DiffHunk(h.Header, h.OldStart, h.NewStart,
            h.Lines.Where(l => l.StartsWith('+')).Select(l => l[1..]).ToList(),
            h.Lines.Where(l => l.StartsWith('-')).Select(l => l[1..]).ToList(), h.Function)).ToList());
}

/// <summary>Parses git, plain unified and CVS ("Index:") diffs out of mail text.</summary>
public static partial class Diffs
{
    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$")]
    private static partial Regex HunkHeader();

    /// <summary>Index of the first line that starts a diff, or -1.</summary>
    public static int FindStart(IReadOnlyList<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.StartsWith("diff --git ", StringComparison.Ordinal)) return i;
            if (l.StartsWith("Index: ", StringComparison.Ordinal) && i + 1 < lines.Count && lines[i + 1].StartsWith("====", StringComparison.Ordinal)) return i;
            if (IsUnifiedStart(lines, i)) return i;
        }
        return -1;
    }

    private static bool IsUnifiedStart(IReadOnlyList<string> lines, int i) =>
        i + 2 < lines.Count && lines[i].StartsWith("--- ", StringComparison.Ordinal)
        && lines[i + 1].StartsWith("+++ ", StringComparison.Ordinal) && HunkHeader().IsMatch(lines[i + 2]);

    public static IReadOnlyList<RawFileDiff> Parse(IReadOnlyList<string> lines, int start = 0)
    {
        var files = new List<RawFileDiff>();
        FileBuilder? cur = null;
        var i = Math.Max(0, start);
        while (i < lines.Count)
        {
            var l = lines[i];
            if (l.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush(cur, files);
                var (o, n) = SplitGitPaths(l["diff --git ".Length..]);
                cur = new FileBuilder { Old = o, New = n, FromGit = true };
            }
            else if (l.StartsWith("Index: ", StringComparison.Ordinal) && i + 1 < lines.Count && lines[i + 1].StartsWith("====", StringComparison.Ordinal))
            {
                Flush(cur, files);
                var p = l["Index: ".Length..].Trim();
                cur = new FileBuilder { Old = p, New = p };
            }
            else if (IsUnifiedStart(lines, i))
            {
                // A ---/+++ pair opens a new file unless it belongs to the current git/Index header.
                if (cur is null || cur.Hunks.Count > 0 || cur.SawMinus) { Flush(cur, files); cur = new FileBuilder(); }
                cur.SawMinus = true;
                var o = CleanPath(l[4..]); var n = CleanPath(lines[i + 1][4..]);
                if (o == "/dev/null") cur.IsNew = true; else cur.Old = o;
                if (n == "/dev/null") cur.IsDeleted = true; else cur.New = n;
                if (cur.IsNew) cur.Old = cur.New; if (cur.IsDeleted) cur.New = cur.Old;
                i += 2;
                continue;
            }
            else if (cur is not null && HunkHeader().Match(l) is { Success: true } hm)
            {
                i = ReadHunk(lines, i, hm, cur);
                continue;
            }
            else if (cur is not null && cur.Hunks.Count == 0) ReadHeaderLine(l, cur);
            i++;
        }
        Flush(cur, files);
        return files;
    }

    private static int ReadHunk(IReadOnlyList<string> lines, int i, Match hm, FileBuilder cur)
    {
        int oldLeft = hm.Groups[2].Success ? Num(hm.Groups[2].Value) : 1;
        int newLeft = hm.Groups[4].Success ? Num(hm.Groups[4].Value) : 1;
        var body = new List<string>();
        var j = i + 1;
        // Counts in the header bound the hunk, so a trailing "-- " signature is never taken as a removal.
        while (j < lines.Count && (oldLeft > 0 || newLeft > 0))
        {
            var b = lines[j];
            if (b.StartsWith('\\')) { j++; continue; }
            if (b.Length == 0) b = " "; // mail clients strip the blank context line's space
            var c = b[0];
            if (c == '+') newLeft--;
            else if (c == '-') oldLeft--;
            else if (c == ' ') { oldLeft--; newLeft--; }
            else break;
            body.Add(b);
            j++;
        }
        while (j < lines.Count && lines[j].StartsWith('\\')) j++;
        var fn = hm.Groups[5].Value.Trim();
        cur.Hunks.Add(new RawHunk(hm.Value, Num(hm.Groups[1].Value), Num(hm.Groups[3].Value), fn.Length == 0 ? null : fn, body));
        return j;
    }

    private static void ReadHeaderLine(string l, FileBuilder cur)
    {
        if (l.StartsWith("new file mode", StringComparison.Ordinal)) cur.IsNew = true;
        else if (l.StartsWith("deleted file mode", StringComparison.Ordinal)) cur.IsDeleted = true;
        else if (l.StartsWith("rename from ", StringComparison.Ordinal) || l.StartsWith("copy from ", StringComparison.Ordinal))
        { cur.IsRename = true; cur.Old = l[(l.IndexOf(" from ", StringComparison.Ordinal) + 6)..].Trim(); }
        else if (l.StartsWith("rename to ", StringComparison.Ordinal) || l.StartsWith("copy to ", StringComparison.Ordinal))
        { cur.IsRename = true; cur.New = l[(l.IndexOf(" to ", StringComparison.Ordinal) + 4)..].Trim(); }
        else if (l.StartsWith("GIT binary patch", StringComparison.Ordinal) || (l.StartsWith("Binary files ", StringComparison.Ordinal) && l.EndsWith(" differ", StringComparison.Ordinal)))
            cur.IsBinary = true;
    }

    private static void Flush(FileBuilder? f, List<RawFileDiff> files)
    {
        if (f is null) return;
        files.Add(new RawFileDiff(f.Old, f.New, f.IsBinary, f.IsNew, f.IsDeleted, f.IsRename || (f.FromGit && f.Old != f.New && !f.IsNew && !f.IsDeleted), f.Hunks));
    }

    /// <summary>"a/x b/y" → (x, y). Equal halves first (handles spaces and --no-prefix), then the " b/" split.</summary>
    private static (string Old, string New) SplitGitPaths(string rest)
    {
        rest = rest.Trim();
        if (rest.Length % 2 == 1)
        {
            var half = rest.Length / 2;
            var a = rest[..half]; var b = rest[(half + 1)..];
            if (StripPrefix(a) == StripPrefix(b) && rest[half] == ' ') return (StripPrefix(a), StripPrefix(b));
        }
        var k = rest.IndexOf(" b/", StringComparison.Ordinal);
        if (rest.StartsWith("a/", StringComparison.Ordinal) && k > 0) return (rest[2..k], rest[(k + 3)..]);
        var s = rest.IndexOf(' ');
        return s > 0 ? (StripPrefix(rest[..s]), StripPrefix(rest[(s + 1)..])) : (rest, rest);
    }

    private static string StripPrefix(string p) =>
        p.Length > 2 && (p.StartsWith("a/", StringComparison.Ordinal) || p.StartsWith("b/", StringComparison.Ordinal)) ? p[2..] : p;

    /// <summary>"a/x\t2011-12-05 ..." → "x": drop the timestamp/revision after a tab and the a/ b/ prefix.</summary>
    private static string CleanPath(string p)
    {
        var tab = p.IndexOf('\t');
        if (tab >= 0) p = p[..tab];
        p = p.Trim();
        return p == "/dev/null" ? p : StripPrefix(p);
    }

    private static int Num(string s) => int.TryParse(s, out var n) ? n : 0;

    private sealed class FileBuilder
    {
        public string Old = "", New = "";
        public bool IsBinary, IsNew, IsDeleted, IsRename, FromGit, SawMinus;
        public List<RawHunk> Hunks { get; } = [];
    }
}
