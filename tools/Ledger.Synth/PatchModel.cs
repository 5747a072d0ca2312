using System.Text;
using Bogus;

namespace Ledger.Synth;

/// <summary>One diff line. Kind is ' ', '-', '+', or 'C' (placeholder for the added C comment block).</summary>
internal readonly record struct DiffLine(char Kind, string Text);

internal sealed class Hunk
{
    public int OldStart;
    public required string Func;
    public required List<DiffLine> Lines;
}

internal sealed class FileChange
{
    public required string Path;
    public required List<Hunk> Hunks;
}

/// <summary>
/// The evolving state of one patch of a lineage. Versions mutate it (adopted rewordings, fixed nits, added
/// checks) and render it again, so later versions show what review changed.
/// </summary>
internal sealed class PatchState
{
    public required CodeContext Ctx;
    public required string Prefix;
    public required string Title;
    public required List<string> Paragraphs;      // problem + fix (typo sentence appended to the last one)
    public string? RationaleParagraph;            // commit-message copy of the rationale
    public string? CommentText;                   // rationale in the C comment the diff adds; null if none
    public (string Right, string Wrong, string Sentence)? Typo;
    public bool TypoFixed;
    public List<string> ExtraParagraphs = [];
    public required List<FileChange> Files;
    public Person? SuggestedBy;
    public string? Fixes;
    public List<(string Name, Person Who)> Collected = [];

    public static PatchState Create(Randomizer r, Subsystem s, Person author)
    {
        var c = TextGen.NewContext(r, s);
        var p = new PatchState
        {
            Ctx = c,
            Prefix = s.Prefix,
            Title = TextGen.Title(r, c),
            Paragraphs = [TextGen.Problem(r, c), TextGen.Fix(r, c)],
            Files = [],
        };
        if (r.Chance(0.3)) p.Paragraphs.Insert(1, TextGen.Problem(r, c));
        if (r.Chance(0.6))
        {
            p.CommentText = TextGen.Rationale(r, c);
            p.RationaleParagraph = r.Chance(0.7) ? p.CommentText : TextGen.Rationale(r, c);
        }
        else if (r.Chance(0.5)) p.RationaleParagraph = TextGen.Rationale(r, c);
        if (r.Chance(0.3)) p.Typo = Vocabulary.Typos[r.Number(Vocabulary.Typos.Length - 1)];
        if (r.Chance(0.15)) p.Fixes = $"{TextGen.Hex(r, 12)} (\"{s.Prefix}: {TextGen.Title(r, TextGen.NewContext(r, s))}\")";

        int files = r.Chance(0.6) ? 1 : r.Number(2, 4);
        for (int f = 0; f < files; f++)
        {
            var path = $"{s.Dir}/{s.Files[r.Number(s.Files.Length - 1)]}";
            if (p.Files.Any(x => x.Path == path)) path = $"{s.Dir}/{c.Sym}_{r.Pick(Vocabulary.Objects)}.{(s.Dir.StartsWith("Documentation", StringComparison.Ordinal) ? "yaml" : "c")}";
            if (p.Files.Any(x => x.Path == path)) continue;
            var fc = new FileChange { Path = path, Hunks = [] };
            int hunks = r.Chance(0.5) ? 1 : r.Number(2, 3);
            int at = r.Number(20, 400);
            for (int h = 0; h < hunks; h++)
            {
                var lines = new List<DiffLine>();
                foreach (var l in TextGen.CodeBlock(r, c, 3).TakeLast(3)) lines.Add(new(' ', l));
                if (r.Chance(0.7)) foreach (var l in TextGen.CodeBlock(r, c, r.Number(1, 3))) lines.Add(new('-', l));
                if (f == 0 && h == 0 && p.CommentText is not null) lines.Add(new('C', ""));
                foreach (var l in TextGen.CodeBlock(r, c, r.Number(1, 5))) lines.Add(new('+', l));
                foreach (var l in TextGen.CodeBlock(r, c, 3).Take(3)) lines.Add(new(' ', l));
                fc.Hunks.Add(new Hunk { OldStart = at, Func = h == 0 ? $"static int {c.Func}(struct {c.Sym}_{c.Obj} *{c.Var})" : $"void {c.Func2}(struct {c.Sym}_{c.Obj} *{c.Obj})", Lines = lines });
                at += r.Number(30, 300);
            }
            p.Files.Add(fc);
        }
        return p;
    }

    /// <summary>Insert added lines right after the leading context of the first hunk (adopted objection/suggestion).</summary>
    public void AddLines(string code)
    {
        var lines = Files[0].Hunks[0].Lines;
        lines.InsertRange(3, code.Split('\n').Select(t => new DiffLine('+', t)));
    }

    public IEnumerable<string> CommentLines()
    {
        if (CommentText is null) yield break;
        yield return "\t/*";
        foreach (var l in TextGen.Wrap(CommentText, 70)) yield return "\t * " + l;
        yield return "\t */";
    }

    /// <summary>Commit message paragraphs as they appear in this version (wrapped, no trailers).</summary>
    public List<string> CommitParagraphs()
    {
        var list = new List<string>();
        for (int i = 0; i < Paragraphs.Count; i++)
        {
            var text = Paragraphs[i];
            if (i == Paragraphs.Count - 1 && Typo is { } t) text += " " + (TypoFixed ? t.Sentence : t.Sentence.Replace(t.Right, t.Wrong, StringComparison.Ordinal));
            list.Add(TextGen.WrapParagraph(text));
        }
        if (RationaleParagraph is not null) list.Add(TextGen.WrapParagraph(RationaleParagraph));
        foreach (var e in ExtraParagraphs) list.Add(TextGen.WrapParagraph(e));
        return list;
    }

    /// <summary>Rendered hunk lines (with diff prefixes), comment placeholder expanded.</summary>
    public List<string> HunkLines(Hunk h)
    {
        var res = new List<string>(h.Lines.Count + 6);
        foreach (var l in h.Lines)
        {
            if (l.Kind == 'C') { foreach (var c in CommentLines()) res.Add("+" + c); }
            else res.Add(l.Kind + l.Text);
        }
        return res;
    }

    /// <summary>Appends diffstat and diffs; returns (insertions, deletions) per file via the stats list.</summary>
    public void AppendDiff(StringBuilder sb, Randomizer r, List<(string Path, int Add, int Del)> stats)
    {
        var bodies = new StringBuilder();
        foreach (var f in Files)
        {
            int add = 0, del = 0, shift = 0;
            bodies.Append("diff --git a/").Append(f.Path).Append(" b/").Append(f.Path).Append('\n');
            bodies.Append("index ").Append(TextGen.Hex(r, 12)).Append("..").Append(TextGen.Hex(r, 12)).Append(" 100644\n");
            bodies.Append("--- a/").Append(f.Path).Append('\n').Append("+++ b/").Append(f.Path).Append('\n');
            foreach (var h in f.Hunks)
            {
                var lines = HunkLines(h);
                int o = 0, n = 0;
                foreach (var l in lines)
                {
                    if (l[0] == ' ') { o++; n++; }
                    else if (l[0] == '-') { o++; del++; }
                    else { n++; add++; }
                }
                bodies.Append("@@ -").Append(h.OldStart).Append(',').Append(o).Append(" +").Append(h.OldStart + shift).Append(',').Append(n).Append(" @@ ").Append(h.Func).Append('\n');
                foreach (var l in lines) bodies.Append(l).Append('\n');
                shift += n - o;
            }
            stats.Add((f.Path, add, del));
        }
        AppendDiffstat(sb, stats);
        sb.Append('\n');
        sb.Append(bodies);
    }

    public static void AppendDiffstat(StringBuilder sb, IEnumerable<(string Path, int Add, int Del)> stats)
    {
        var merged = stats.GroupBy(s => s.Path).Select(g => (Path: g.Key, Add: g.Sum(x => x.Add), Del: g.Sum(x => x.Del))).ToList();
        int width = merged.Max(s => s.Path.Length);
        int maxChanges = merged.Max(s => s.Add + s.Del);
        int numWidth = maxChanges.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        foreach (var (path, add, del) in merged)
        {
            int total = add + del;
            int pa = add, pd = del;
            int bar = Math.Max(10, 72 - width - numWidth - 4);
            if (maxChanges > bar) { pa = (int)Math.Ceiling(add * (double)bar / maxChanges); pd = Math.Max(0, Math.Min((int)Math.Ceiling(del * (double)bar / maxChanges), bar - pa)); }
            sb.Append(' ').Append(path.PadRight(width)).Append(" | ").Append(total.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(numWidth))
              .Append(' ').Append('+', pa).Append('-', pd).Append('\n');
        }
        int ins = merged.Sum(s => s.Add), dels = merged.Sum(s => s.Del);
        sb.Append(' ').Append(merged.Count).Append(merged.Count == 1 ? " file changed" : " files changed");
        if (ins > 0) sb.Append(", ").Append(ins).Append(ins == 1 ? " insertion(+)" : " insertions(+)");
        if (dels > 0) sb.Append(", ").Append(dels).Append(dels == 1 ? " deletion(-)" : " deletions(-)");
        sb.Append('\n');
    }
}
