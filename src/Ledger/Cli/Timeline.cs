using Ledger.Queries;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Ledger.Cli;

/// <summary>A terminal timeline: date, person, version and kind on one aligned line; the summary wrapped to the width below, then the lore link.</summary>
public static class Timeline
{
    public static IRenderable Grid(IEnumerable<HistoryLine> lines)
    {
        var rows = new List<IRenderable>();
        var list = lines.ToList();
        var width = Math.Min(24, list.Select(l => l.Person.Length).DefaultIfEmpty(8).Max());
        foreach (var h in list)
        {
            var version = h.Version is null ? "   " : $"v{h.Version,-2}";
            rows.Add(new Markup($"[grey]{h.Date:yyyy-MM-dd}[/]  [cyan]{Markup.Escape(Fit(h.Person, width))}[/]  {version} [{Colour(h.Kind)}]{Markup.Escape(h.Kind)}[/]"));
            var body = Markup.Escape(h.Summary) + (h.Link is null ? "" : $"\n[grey]{Markup.Escape(h.Link)}[/]");
            rows.Add(new Padder(new Markup(body), new Padding(4, 0, 0, 0)));
        }
        return new Rows(rows);
    }

    private static string Fit(string s, int width) => s.Length <= width ? s.PadRight(width) : s[..(width - 1)] + "…";

    private static string Colour(string kind) => kind switch
    {
        "objection" or "trailer-withdrawn" or "rejected" => "red",
        "direction" or "applied" or "accepted" or "resolved" => "green",
        "question" => "yellow",
        "rewording" or "suggestion" or "rationale-revised" => "blue",
        _ => "default",
    };
}
