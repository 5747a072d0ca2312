using Ledger.Core.Archive;

namespace Ledger.Accuracy;

/// <summary>One row of messages.tsv. Version/Index/Total are null for replies and pulls ("-").</summary>
public sealed record MessageLabel(string Set, string MessageId, string Kind, string? Lineage, int? Version, int? Index, int? Total);

/// <summary>One row of acts.tsv: the act types present in the sender's own words (empty for "-").</summary>
public sealed record ActLabel(string Set, string MessageId, IReadOnlySet<string> Types, string Note);

/// <summary>One row of trailers.tsv. GivenIn is null for "-" (given before the corpus, e.g. carried in the patch).</summary>
public sealed record TrailerLabel(string Set, string PatchMessageId, string Name, string Value, string? GivenIn, bool Conditional, bool Withdrawn)
{
    public string? Address => Ledger.Core.Review.Parsing.Trailers.SplitPerson(Value).Address?.ToLowerInvariant();
}

/// <summary>One row of resolutions.tsv.</summary>
public sealed record ResolutionLabel(string Set, string MessageId, string Type, string Status, string? EvidenceMessageId, string Note);

/// <summary>Everything labelled for one set (vfio, kvmarm-its-fixes, ...).</summary>
public sealed record LabelSet(string Name, IReadOnlyList<MessageLabel> Messages, IReadOnlyList<ActLabel> Acts,
    IReadOnlyList<TrailerLabel> Trailers, IReadOnlyList<ResolutionLabel> Resolutions)
{
    public IEnumerable<string> MessageKeys => Messages.Select(m => MessageIds.Key(m.MessageId));
}

/// <summary>Reads tests/Ledger.Tests/Accuracy/labels/*.tsv (format in its README.md).</summary>
public static class Labels
{
    public const string RelativeDirectory = "tests/Ledger.Tests/Accuracy/labels";

    /// <summary>The act vocabulary of the labels, in the order tables print it.</summary>
    public static readonly string[] ActTypes =
        ["objection", "question", "suggestion", "rewording", "nit", "praise", "acceptance", "pushback", "applied", "direction"];

    public static IReadOnlyList<LabelSet> Load(string? directory = null)
    {
        var dir = directory ?? DefaultDirectory();
        var messages = Rows(dir, "messages.tsv").Select(r => new MessageLabel(r[0], r[1], r[2], Opt(r[3]), Int(r[4]), Int(r[5]), Int(r[6]))).ToList();
        var acts = Rows(dir, "acts.tsv").Select(r => new ActLabel(r[0], r[1],
            r[2] == "-" ? new HashSet<string>() : r[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            r.Length > 3 ? r[3] : "")).ToList();
        var trailers = Rows(dir, "trailers.tsv").Select(r => new TrailerLabel(r[0], r[1], r[2], r[3], Opt(r[4]), Bool(r[5]), Bool(r[6]))).ToList();
        var resolutions = Rows(dir, "resolutions.tsv").Select(r => new ResolutionLabel(r[0], r[1], r[2], r[3], Opt(r[4]), r.Length > 5 ? r[5] : "")).ToList();
        var names = messages.Select(m => m.Set).Distinct().ToList();
        foreach (var a in acts)
            foreach (var t in a.Types.Where(t => !ActTypes.Contains(t)))
                throw new InvalidDataException($"acts.tsv: unknown act type '{t}' in {a.MessageId}");
        return names.Select(n => new LabelSet(n,
            messages.Where(m => m.Set == n).ToList(), acts.Where(a => a.Set == n).ToList(),
            trailers.Where(t => t.Set == n).ToList(), resolutions.Where(r => r.Set == n).ToList())).ToList();
    }

    /// <summary>The labels directory of the repository this runs from (found by walking up to Ledger.sln), or LEDGER_LABELS.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("LEDGER_LABELS") is { Length: > 0 } env) return env;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "Ledger.sln")))
                    return Path.Combine(d.FullName, RelativeDirectory);
        throw new DirectoryNotFoundException("labels not found: run inside the repository or set LEDGER_LABELS");
    }

    private static IEnumerable<string[]> Rows(string dir, string file) =>
        File.ReadLines(Path.Combine(dir, file)).Skip(1).Where(l => l.Trim().Length > 0).Select(l => l.Split('\t'));

    private static string? Opt(string s) => s is "-" or "" ? null : s;
    private static int? Int(string s) => int.TryParse(s, out var n) ? n : null;
    private static bool Bool(string s) => s.Equals("true", StringComparison.OrdinalIgnoreCase);
}
