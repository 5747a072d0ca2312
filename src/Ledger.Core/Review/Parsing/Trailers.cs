using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>A "Name: value" trailer. Line is the 1-based line of the trailer's first line in the searched text.</summary>
public sealed record Trailer(string Name, string Value, string? PersonName, string? Address, int Line);

/// <summary>Finds trailers (Reviewed-by, Fixes, Link, ...) tolerant of case, spacing and mail-client wrapping.</summary>
public static partial class Trailers
{
    private static readonly string[] Known =
    [
        "Reviewed-by", "Acked-by", "Tested-by", "Suggested-by", "Reported-by", "Nacked-by", "Co-developed-by",
        "Signed-off-by", "Reported-and-tested-by", "Debugged-by", "Requested-by", "Originally-by", "Helped-by",
        "Link", "Closes", "Fixes", "Cc", "Message-ID", "Change-Id", "Based-on-patch-by", "Bisected-by",
    ];

    private static readonly Dictionary<string, string> Canonical =
        Known.ToDictionary(k => k, k => k, StringComparer.OrdinalIgnoreCase);

    // Token, optional spaces, colon. "-by" names are open-ended (Co-authored-by, Analyzed-by, ...).
    [GeneratedRegex(@"^\s{0,8}([A-Za-z][A-Za-z0-9]*(?:[- ][A-Za-z0-9]+)*)\s*:\s*(.*)$")]
    private static partial Regex TrailerLine();

    [GeneratedRegex(@"<\s*(?:mailto:)?([^<>\s@]+@[^<>\s]+?)\s*>")]
    private static partial Regex AngleAddress();

    [GeneratedRegex(@"^(?:mailto:)?([^<>\s@""]+@[^<>\s""]+[A-Za-z0-9])")]
    private static partial Regex BareAddress();

    /// <summary>All trailers in the text. Quoted lines ("> ...") are skipped: they are someone else's words.</summary>
    public static IReadOnlyList<Trailer> Find(string text)
    {
        var lines = (text ?? "").Replace("\r\n", "\n").Split('\n');
        var result = new List<Trailer>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (TryParseLine(lines[i], out var name, out var value) is false) continue;
            var start = i;
            // Rejoin a value the mail client wrapped onto the next line(s).
            while (i + 1 < lines.Length && LooksIncomplete(name, value) && IsContinuation(lines[i + 1]))
            {
                value = (value + " " + lines[i + 1].Trim()).Trim();
                i++;
            }
            if (value.Length == 0) continue;
            var (person, address) = IsPersonTrailer(name) ? SplitPerson(value) : (null, null);
            result.Add(new Trailer(name, value, person, address, start + 1));
        }
        return result;
    }

    /// <summary>True for trailers that name a person (…-by, Cc).</summary>
    public static bool IsPersonTrailer(string name) =>
        name.EndsWith("-by", StringComparison.OrdinalIgnoreCase) || name.Equals("Cc", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses one line as a trailer; false for prose like "Note: ..." or quoted lines.</summary>
    public static bool TryParseLine(string line, out string name, out string value)
    {
        name = value = "";
        if (line.TrimStart().StartsWith('>')) return false;
        var m = TrailerLine().Match(line);
        if (!m.Success) return false;
        var raw = m.Groups[1].Value.Replace(' ', '-');
        if (Canonical.TryGetValue(raw, out var canon)) name = canon;
        else if (raw.EndsWith("-by", StringComparison.OrdinalIgnoreCase) && raw.Count(c => c == '-') <= 4) name = TitleCase(raw);
        else return false;
        value = m.Groups[2].Value.Trim();
        // A spaced name ("Reviewed by: ...") only counts for the known forms, to keep prose out.
        if (m.Groups[1].Value.Contains(' ') && !Canonical.ContainsKey(raw)) return false;
        return true;
    }

    /// <summary>"Jane Doe &lt;jane@x.org&gt;" → ("Jane Doe", "jane@x.org"); tolerates quotes, bare addresses, "# stable" comments.</summary>
    public static (string? Name, string? Address) SplitPerson(string value)
    {
        var m = AngleAddress().Match(value);
        if (m.Success)
        {
            var name = value[..m.Index].Trim().Trim('"', '\'', ' ');
            return (name.Length == 0 ? null : name, m.Groups[1].Value);
        }
        var b = BareAddress().Match(value.Trim());
        if (b.Success) return (null, b.Groups[1].Value);
        var only = value.Split('#')[0].Trim().Trim('"');
        return (only.Length == 0 ? null : only, null);
    }

    private static bool LooksIncomplete(string name, string value)
    {
        if (value.Length == 0) return true;
        if (IsPersonTrailer(name))
            return !value.Contains('@') || (value.Contains('<') && !value.Contains('>'));
        // "Fixes: abc ("subject wrapped" ...) – unbalanced parenthesis or quote.
        return value.Count(c => c == '(') > value.Count(c => c == ')') || value.Count(c => c == '"') % 2 == 1;
    }

    private static bool IsContinuation(string next)
    {
        if (string.IsNullOrWhiteSpace(next) || next.TrimStart().StartsWith('>')) return false;
        if (TryParseLine(next, out _, out _)) return false;
        var t = next.TrimStart();
        return char.IsWhiteSpace(next[0]) || t.StartsWith('<') || t.Contains('@') || t.StartsWith('"') || t.EndsWith(')');
    }

    private static string TitleCase(string raw) =>
        string.Join('-', raw.Split('-').Select((p, i) =>
            p.Length == 0 ? p : i == 0 ? char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant() : p.ToLowerInvariant()));
}
