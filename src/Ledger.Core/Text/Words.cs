
namespace Ledger.Core.Text;

/// <summary>Word-level similarity used to recognise the same rationale, reworded, across versions and patches.</summary>
public static class Words
{
    /// <summary>
    /// The words of a text, lower-cased: what [A-Za-z0-9_]+(?:[-'][A-Za-z0-9_]+)* matches, by a hand-written scan
    /// because every similarity in review understanding tokenises text and the regex was most of their cost.
    /// </summary>
    public static List<string> Tokens(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        for (var i = 0; NextWord(text, ref i, out var start);)
            tokens.Add(string.Create(i - start, (text, start), static (span, s) => s.text.AsSpan(s.start, span.Length).ToLowerInvariant(span)));
        return tokens;
    }

    /// <summary>The distinct words of a text (as <see cref="Tokens"/>), for texts compared more than once.</summary>
    public static HashSet<string> Set(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new HashSet<string>(StringComparer.Ordinal);
        // Looked up by its lower-cased characters: a word already in the set costs no string.
        var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[64];
        for (var i = 0; NextWord(text, ref i, out var start);)
        {
            var lower = i - start <= buffer.Length ? buffer[..(i - start)] : new char[i - start];
            text.AsSpan(start, i - start).ToLowerInvariant(lower);
            lookup.Add(lower);
        }
        return set;
    }

    /// <summary>Share of the proposal's distinct words found in the candidate: "most of it appears" reads as containment, not symmetry.</summary>
    public static double Containment(string proposal, string candidate) => Containment(Set(proposal), Set(candidate));

    /// <summary><see cref="Containment(string, string)"/> on word sets already made with <see cref="Set"/>; words of two letters or fewer in the proposal do not count.</summary>
    public static double Containment(HashSet<string> proposal, HashSet<string> candidate)
    {
        int counted = 0, found = 0;
        foreach (var word in proposal)
        {
            if (word.Length <= 2) continue;
            counted++;
            if (candidate.Contains(word)) found++;
        }
        return counted == 0 ? 0 : (double)found / counted;
    }

    public static double Jaccard(string a, string b) => Jaccard(Set(a), Set(b));

    /// <summary><see cref="Jaccard(string, string)"/> on word sets already made (<see cref="Set"/>), for texts compared many times.</summary>
    public static double Jaccard(IReadOnlySet<string> x, IReadOnlySet<string> y)
    {
        if (x.Count == 0 && y.Count == 0) return 1;
        var inter = 0;
        foreach (var word in x) if (y.Contains(word)) inter++;
        return (double)inter / (x.Count + y.Count - inter);
    }

    /// <summary>Finds the next word at or after <paramref name="i"/>: true with the word at [start, i), false at the end of the text.</summary>
    private static bool NextWord(string text, ref int i, out int start)
    {
        while (i < text.Length && !IsWordChar(text[i])) i++;
        start = i;
        if (i == text.Length) return false;
        i = EndOfRun(text, i);
        // A hyphen or apostrophe joins two runs ("write-combining", "don't"), never ends a word.
        while (i + 1 < text.Length && text[i] is '-' or '\'' && IsWordChar(text[i + 1])) i = EndOfRun(text, i + 1);
        return true;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static int EndOfRun(string text, int i)
    {
        while (i < text.Length && IsWordChar(text[i])) i++;
        return i;
    }

    public static string FirstSentences(string text, int maxChars = 240)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= maxChars) return flat;
        var cut = flat.LastIndexOfAny(['.', '?', '!'], maxChars);
        return cut > maxChars / 3 ? flat[..(cut + 1)] : flat[..maxChars].TrimEnd() + "...";
    }
}
