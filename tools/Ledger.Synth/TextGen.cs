using System.Text;
using Bogus;

namespace Ledger.Synth;

/// <summary>Identifiers of one patch, reused by its prose, code and the review about it.</summary>
internal sealed record CodeContext(string Sym, string Func, string Func2, string Obj, string Var, string Field, string Flag, string Lock, string Api, string Scope, string Excluded);

/// <summary>Kernel-flavoured prose and C built from templates; all choices go through the given Randomizer.</summary>
internal static class TextGen
{
    public static string Pick(this Randomizer r, string[] a) => a[r.Number(a.Length - 1)];
    public static bool Chance(this Randomizer r, double p) => r.Double() < p;

    public static CodeContext NewContext(Randomizer r, Subsystem s)
    {
        string F() => $"{s.Sym}_{r.Pick(Vocabulary.Objects)}_{r.Pick(Vocabulary.Verbs)}";
        var obj = r.Pick(Vocabulary.Objects);
        var func = F();
        var func2 = F();
        if (func2 == func) func2 += "_locked";
        return new CodeContext(s.Sym, func, func2, obj, r.Pick(Vocabulary.Vars), r.Pick(Vocabulary.Fields),
            $"{s.Sym.ToUpperInvariant()}_{obj.ToUpperInvariant()}_{r.Pick(["ALLOW_WC", "NO_RESET", "SHARED", "DIRTY", "BOUNCE", "UNCACHED"])}",
            r.Pick(Vocabulary.Locks), r.Pick(Vocabulary.Apis), r.Pick(Vocabulary.Scopes), r.Pick(Vocabulary.Excluded));
    }

    public static string Title(Randomizer r, CodeContext c) => r.Number(11) switch
    {
        0 => $"Fix use-after-free in {c.Func}()",
        1 => $"Add support for {c.Flag}",
        2 => $"Don't leak the {c.Obj} on the error path",
        3 => $"Use {c.Api}() instead of open-coding it",
        4 => $"Remove unused {c.Field} field from the {c.Obj}",
        5 => $"Introduce {c.Flag} flag",
        6 => $"Handle {c.Obj} teardown in {c.Func2}()",
        7 => $"Avoid {r.Pick(["a deadlock", "a refcount underflow", "a double free", "a lockdep splat"])} when {r.Pick(Vocabulary.Conditions)}",
        8 => $"convey {c.Obj} attributes to {c.Func2}()",
        9 => $"Allow {c.Scope} to set {c.Flag}",
        10 => $"Fix locking in {c.Func}()",
        _ => $"Document why {c.Func}() takes {c.Lock}",
    };

    public static string Problem(Randomizer r, CodeContext c) => r.Number(3) switch
    {
        0 => $"Currently {c.Func}() updates the {c.Obj} without checking whether {r.Pick(Vocabulary.Conditions)}. When that happens, this leads to {r.Pick(Vocabulary.Outcomes)}.",
        1 => $"When {r.Pick(Vocabulary.Conditions)}, {c.Func}() can drop the last reference to the {c.Obj} while {c.Func2}() still uses it, which results in {r.Pick(Vocabulary.Outcomes)}.",
        2 => $"{c.Func}() open-codes the {c.Obj} handling that {c.Func2}() already provides, and the two copies have drifted apart over time.",
        _ => $"The {c.Obj} {c.Field} is read without {c.Lock} held, so a concurrent {c.Func2}() can observe a half updated value.",
    };

    public static string Fix(Randomizer r, CodeContext c) => r.Number(3) switch
    {
        0 => $"Move the {c.Obj} teardown into {c.Func2}() so that both paths agree on the lifetime rules.",
        1 => $"Introduce {c.Flag} and let {c.Func}() set it only for {c.Scope}.",
        2 => $"Use {c.Api}() instead, and drop the now unused {c.Field} member.",
        _ => $"Take {c.Lock} around the update so that readers see a consistent {c.Obj}.",
    };

    /// <summary>The "why": lives in the commit message and in the C comment the diff adds.</summary>
    public static string Rationale(Randomizer r, CodeContext c) => Cap(RationaleRaw(r, c));

    public static string Cap(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    static string RationaleRaw(Randomizer r, CodeContext c) => r.Number(6) switch
    {
        0 => $"This is safe because the caller holds {c.Lock} and the {c.Obj} cannot go away under us.",
        1 => $"Only {c.Scope} is known to need this; be conservative and do not enable it for {c.Excluded}.",
        2 => $"From the device's point of view the {c.Obj} must stay mapped until {c.Func2}() returns, as the hardware may still access it.",
        3 => $"Ordering against {c.Func2}() is provided by {c.Lock}, so no extra barrier is needed here.",
        4 => $"{c.Scope} is expected to contain faults, whereas {c.Excluded} gives no such guarantee, so keep {c.Excluded} excluded.",
        5 => $"The {c.Field} update has to be visible before the {c.Obj} is published, hence {c.Api}() rather than a plain store.",
        _ => $"Failing here is preferable to letting {c.Excluded} observe a partially initialised {c.Obj}.",
    };

    public static string Objection(Randomizer r, CodeContext c) => r.Number(3) switch
    {
        0 => $"This is not safe because {c.Func2}() can run concurrently and nothing orders it against this store.",
        1 => $"I don't think this is correct: if {r.Pick(Vocabulary.Conditions)}, you end up with {r.Pick(Vocabulary.Outcomes)}.",
        2 => $"This is not safe because {c.Lock} is not held on the {c.Func}() path.",
        _ => $"This breaks {c.Excluded}, which relies on the old behaviour of {c.Func}().",
    };

    public static string Question(Randomizer r, CodeContext c, out string alternative)
    {
        alternative = r.Number(2) switch
        {
            0 => $"{c.Api}()",
            1 => $"{c.Func2}() for this",
            _ => $"a per-{c.Obj} flag",
        };
        return r.Number(2) switch
        {
            0 => $"Why not use {alternative} instead?",
            1 => $"Why not {alternative}? That would avoid touching {c.Func}() at all.",
            _ => $"Is this really needed for {c.Excluded}? Why not {alternative}?",
        };
    }

    public static string Answer(Randomizer r, CodeContext c, string alternative) => r.Number(2) switch
    {
        0 => $"I considered {alternative}, but it does not work for {c.Scope}: {c.Func2}() is called with {c.Lock} held.",
        1 => $"{alternative} was my first attempt; it made {c.Func}() much harder to follow, so I'd rather keep it as is.",
        _ => $"Because {c.Excluded} has no user that needs it, and {alternative} would change behaviour there.",
    };

    public static string Pushback(Randomizer r, CodeContext c) => r.Number(2) switch
    {
        0 => $"I disagree: {c.Func2}() already serialises against this path, see the comment above it.",
        1 => $"I'd rather keep it as is. {c.Scope} is the only user and the extra complexity buys nothing.",
        _ => $"I don't think so, {c.Lock} is taken by every caller of {c.Func}().",
    };

    public static string Direction(Randomizer r, CodeContext c, out string statement)
    {
        switch (r.Number(2))
        {
            case 0:
                statement = $"Restrict {c.Flag} to {c.Scope}; {c.Excluded} stays excluded";
                return $"Let's keep it to {c.Scope} for now. {c.Excluded} can be added later if someone shows up with a real use case.";
            case 1:
                statement = $"Split the {c.Obj} rework from the {c.Flag} change";
                return $"Please split the {c.Obj} rework from the {c.Flag} change, they are independent and I'd like to take the first one as a fix.";
            default:
                statement = $"Use {c.Api}() for the {c.Obj} instead of a private helper";
                return $"I'd prefer we use {c.Api}() here rather than growing yet another private helper.";
        }
    }

    public static string Nit(Randomizer r, CodeContext c) => r.Number(3) switch
    {
        0 => "nit: please keep the local variables in reverse Christmas tree order.",
        1 => $"nit: the {c.Field} assignment could go into the declaration.",
        2 => "nit: missing blank line after the declarations.",
        _ => $"Nit: {c.Func}() no longer needs the {c.Var} argument.",
    };

    public static string AdoptedCheck(CodeContext c, Randomizer r) => $"\tif (WARN_ON_ONCE(!{c.Var}->{c.Field}))\n\t\treturn {r.Pick(Vocabulary.Errnos)};";

    /// <summary>A few coherent lines of plausible kernel C (without diff prefix).</summary>
    public static string[] Snippet(Randomizer r, CodeContext c) => r.Number(11) switch
    {
        0 => [$"\tret = {c.Func2}({c.Var}, {c.Obj});", "\tif (ret)", $"\t\tgoto err_{r.Pick(Vocabulary.Verbs)};"],
        1 => [$"\tif (!{c.Var}->{c.Field})", $"\t\treturn {r.Pick(Vocabulary.Errnos)};"],
        2 => [$"\tspin_lock_irqsave(&{c.Var}->lock, flags);", $"\t{c.Var}->{c.Field} = {r.Pick(["0", "true", "false", "NULL", c.Flag, "val"])};", $"\tspin_unlock_irqrestore(&{c.Var}->lock, flags);"],
        3 => [$"\tlist_for_each_entry({c.Obj}, &{c.Var}->list, node) {{", $"\t\t{c.Api}({c.Obj});", "\t}"],
        4 => [$"\tstruct {c.Sym}_{c.Obj} *{c.Obj} = {c.Var}->{c.Obj};", "\tunsigned long flags;", "\tint ret;"],
        5 => [""],
        6 => [$"\tWARN_ON_ONCE({c.Var}->{c.Field} & {c.Flag});"],
        7 => [$"\tmutex_lock(&{c.Var}->lock);", $"\t{c.Func2}({c.Var});", $"\tmutex_unlock(&{c.Var}->lock);"],
        8 => ["\tif (ret) {", $"\t\tdev_err({c.Var}->dev, \"failed to {r.Pick(Vocabulary.Verbs)} {c.Obj}: %d\\n\", ret);", "\t\treturn ret;", "\t}"],
        9 => [$"\t{c.Var}->{c.Field} |= {c.Flag};"],
        10 => [$"\treturn {c.Func2}({c.Var});"],
        _ => [$"\tif ({c.Var}->{c.Field} & {c.Flag})", $"\t\tvm_flags_set(vma, VM_{c.Flag.Split('_')[^1]});"],
    };

    /// <summary>At least <paramref name="min"/> lines made of whole snippets.</summary>
    public static List<string> CodeBlock(Randomizer r, CodeContext c, int min)
    {
        var lines = new List<string>();
        while (lines.Count < min) lines.AddRange(Snippet(r, c));
        return lines;
    }

    /// <summary>Greedy word wrap; returns lines without newlines.</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var sb = new StringBuilder();
        foreach (var w in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0 && sb.Length + 1 + w.Length > width) { lines.Add(sb.ToString()); sb.Clear(); }
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(w);
        }
        if (sb.Length > 0) lines.Add(sb.ToString());
        return lines;
    }

    public static string WrapParagraph(string text, int width = 72) => string.Join('\n', Wrap(text, width));

    public static string Hex(Randomizer r, int len)
    {
        const string digits = "0123456789abcdef";
        return string.Create(len, r, static (span, rr) => { for (int i = 0; i < span.Length; i++) span[i] = digits[rr.Number(15)]; });
    }

    public static string Base62(Randomizer r, int len)
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        return string.Create(len, r, static (span, rr) => { for (int i = 0; i < span.Length; i++) span[i] = digits[rr.Number(61)]; });
    }

    /// <summary>A title drifted between versions: case change of the first word, or a small rewording.</summary>
    public static string Drift(Randomizer r, string title)
    {
        if (r.Chance(0.5) && title.Length > 1)
        {
            var first = title[0];
            return (char.IsUpper(first) ? char.ToLowerInvariant(first) : char.ToUpperInvariant(first)) + title[1..];
        }
        foreach (var (from, to) in Vocabulary.TitleDrift.OrderBy(_ => r.Number(1000)))
        {
            var i = title.IndexOf(from + " ", StringComparison.Ordinal);
            if (i >= 0 && (i == 0 || title[i - 1] == ' ')) return title[..i] + to + title[(i + from.Length)..];
        }
        return title.Replace("the ", "", StringComparison.Ordinal);
    }
}
