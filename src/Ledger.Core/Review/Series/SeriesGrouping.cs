using System.Text.RegularExpressions;
using Ledger.Core.Review.Threads;

namespace Ledger.Core.Review.Series;

/// <summary>Groups postings into series versions: patches under their cover letter, or by author, version and thread when there is none.</summary>
public static partial class SeriesGrouping
{
    public static List<SeriesVersion> Group(MailIndex index)
    {
        var covers = index.All.Where(v => v.IsCover).ToDictionary(v => v.Key);
        var groups = new Dictionary<string, (MailView? Cover, List<MailView> Patches, int Version)>();
        foreach (var cover in covers.Values) groups[cover.Key] = (cover, [], cover.Subject.Version);

        foreach (var patch in index.All.Where(v => v.IsPosting && !v.IsCover).OrderBy(v => v.Mail.Date))
        {
            var key = GroupKey(index, patch, covers);
            if (!groups.TryGetValue(key, out var group)) groups[key] = group = (null, [], patch.Subject.Version);
            // One Message-ID per slot: a resend of the same index in the same group is kept as the later copy.
            group.Patches.RemoveAll(p => p.Subject.Index == patch.Subject.Index && patch.Subject.Index > 0);
            group.Patches.Add(patch);
        }

        return groups
            .Where(g => g.Value.Cover is not null || g.Value.Patches.Count > 0)
            .Select(g => new SeriesVersion(g.Value.Cover?.Mail.MessageId ?? g.Value.Patches.OrderBy(p => p.Subject.Index).First().Mail.MessageId,
                g.Value.Version, g.Value.Cover, g.Value.Patches.OrderBy(p => p.Subject.Index).ToList()))
            .OrderBy(s => s.Date)
            .ToList();
    }

    // git send-email and b4 number the messages of one posting inside their Message-IDs:
    // "20190926114212.5322-1-jianyong.wu@arm.com", "20231011-topic-v2-1-0a1b2c@kernel.org".
    [GeneratedRegex(@"^(?<stem>.+?)-\d+-(?<rest>[^@]*@.+)$")]
    private static partial Regex NumberedId();

    /// <summary>Two Message-IDs that differ only in the message's number within one posting.</summary>
    public static bool SamePosting(string a, string b)
    {
        var (x, y) = (NumberedId().Match(a), NumberedId().Match(b));
        return x.Success && y.Success && x.Groups["stem"].Value == y.Groups["stem"].Value && x.Groups["rest"].Value == y.Groups["rest"].Value;
    }

    private static string GroupKey(MailIndex index, MailView patch, Dictionary<string, MailView> covers)
    {
        var s = patch.Subject;
        // "[PATCH v2 1/1]" may still sit under its own "[PATCH v2 0/1]" cover letter; a bare "[PATCH]" never does.
        if (s.Total < 1) return "single:" + patch.Key;
        foreach (var ancestor in index.Ancestors(patch))
            if (covers.ContainsKey(ancestor.Key)
                && string.Equals(ancestor.Mail.FromAddress, patch.Mail.FromAddress, StringComparison.OrdinalIgnoreCase)
                // A cover sent with its patches is theirs even when the prefixes disagree ("v4 0/6" over "v4 1/5"..,
                // "v10 0/9" over "1/9"..): the cover's version is the posting's.
                && ((ancestor.Subject.Version == s.Version && ancestor.Subject.Total == s.Total) || SamePosting(ancestor.Mail.MessageId, patch.Mail.MessageId)))
                return ancestor.Key;
        if (s.Total == 1) return "single:" + patch.Key;
        // No cover: git send-email gives every patch of a posting the same first References entry (1/n, a missing cover,
        // a pull request, or the earlier version it was sent in reply to); 1/n itself, when it starts the thread, has none.
        var root = patch.Mail.References.Count > 0 ? Archive.MessageIds.Key(patch.Mail.References[0]) : patch.Key;
        return $"nocover:{patch.Mail.FromAddress}:v{s.Version}:{s.Total}:{root}";
    }
}
