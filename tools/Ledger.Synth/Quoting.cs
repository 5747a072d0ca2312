using System.Globalization;
using System.Text;
using Bogus;

namespace Ledger.Synth;

/// <summary>Attribution lines and interleaved quoting the way common mail clients write them.</summary>
internal static class Quoting
{
    public static string Attribution(Randomizer r, Person who, DateTimeOffset when)
    {
        var d = when;
        var inv = CultureInfo.InvariantCulture;
        return r.Number(4) switch
        {
            // Wanderlust (wraps after the date)
            0 => $"On {MailWriter.FormatDate(d)},\n{who.Name} <{who.Email}> wrote:",
            // mutt
            1 => string.Create(inv, $"On {d:ddd}, {d:MMM} {d:dd}, {d:yyyy} at {d:hh}:{d:mm}:{d:ss}{(d.Hour < 12 ? "AM" : "PM")} {MailWriter.FormatDate(d)[^5..]}, {who.Name} wrote:"),
            // gmail
            2 => string.Create(inv, $"On {d:ddd}, {d.Day} {d:MMM} {d:yyyy} at {d:HH}:{d:mm}, {who.Name} <{who.Email}> wrote:"),
            // thunderbird
            3 => string.Create(inv, $"On {d:yyyy-MM-dd} {d:HH}:{d:mm}, {who.Name} wrote:"),
            _ => $"On {MailWriter.FormatDate(d)}, {who.Name} wrote:",
        };
    }

    public static void AppendQuoted(StringBuilder sb, IEnumerable<string> lines, int depth)
    {
        foreach (var l in lines)
        {
            for (int i = 0; i < depth; i++) sb.Append('>').Append(i == depth - 1 && l.Length == 0 ? "" : " ");
            sb.Append(l).Append('\n');
        }
    }

    public static IEnumerable<string> SplitLines(string text) => text.Split('\n');
}
