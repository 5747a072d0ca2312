using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>What a mail subject says about the posting. Version defaults to 1; Index/Total are 0 when absent.</summary>
public sealed record SubjectInfo(
    bool IsReply, bool IsPatch, bool IsRfc, bool IsResend, bool IsPullRequest,
    int Version, int Index, int Total, IReadOnlyList<string> Tags, string Title)
{
    /// <summary>The repository the patch is for when it is not the kernel ("kvmtool", "kvm-unit-tests", "qemu"); "" for the kernel.</summary>
    public string Project => Subjects.ProjectOf(Tags);
}

/// <summary>Parses "Re: [RFC PATCH net-next v3 2/7] title" style subjects.</summary>
public static partial class Subjects
{
    // Reply/forward prefixes in the languages mail clients commonly emit, with optional counters ("Re[2]:").
    [GeneratedRegex(@"^\s*(re|aw|sv|antw|odp|vs|ynt|wg|fwd?|tr)\s*(\[\d+\]|\(\d+\))?\s*:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"^\s*\[([^\[\]]*)\]\s*")]
    private static partial Regex BracketPrefix();

    [GeneratedRegex(@"^v(\d+)(?:\.\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionToken();

    // "PATCHv2" / "PATCH-v2" glue the version onto the keyword.
    [GeneratedRegex(@"^patch-?v(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PatchVersionToken();

    // "RFCv2" / "RFC-v2": a request for comments with its version glued on.
    [GeneratedRegex(@"^rfc-?v(\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RfcVersionToken();

    // A kernel release ("v4.9", "5.10", "4.19.y") names the stable branch a backport targets, not the patch's version.
    [GeneratedRegex(@"^v?\d+\.\d+(\.(\d+|y))?$", RegexOptions.IgnoreCase)]
    private static partial Regex ReleaseToken();

    [GeneratedRegex(@"^(\d+)/(\d+)$")]
    private static partial Regex IndexToken();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\s.,;:!]+$")]
    private static partial Regex TrailingPunctuation();

    public static SubjectInfo Parse(string subject)
    {
        var rest = subject ?? "";
        bool isReply = false, isPatch = false, isRfc = false, isResend = false, isPull = false;
        int version = 1, index = 0, total = 0;
        var tags = new List<string>();

        // Prefixes can interleave: "Re: [PATCH] Re: [RFC] x" – keep peeling until nothing matches.
        while (true)
        {
            var m = ReplyPrefix().Match(rest);
            if (m.Success)
            {
                var word = m.Groups[1].Value.ToLowerInvariant();
                if (word is not ("fw" or "fwd" or "wg" or "tr")) isReply = true;
                rest = rest[m.Length..];
                continue;
            }
            var b = BracketPrefix().Match(rest);
            if (!b.Success) break;
            rest = rest[b.Length..];
            // "(RESEND)" is the keyword too; brackets inside the prefix are decoration.
            var tokens = b.Groups[1].Value.Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t.Trim('(', ')')).Where(t => t.Length > 0).ToArray();
            var backport = tokens.Any(t => t.StartsWith("stable", StringComparison.OrdinalIgnoreCase)
                || t.StartsWith("for-stable", StringComparison.OrdinalIgnoreCase));
            for (var i = 0; i < tokens.Length; i++)
            {
                var t = tokens[i];
                var upper = t.ToUpperInvariant();
                Match tm;
                if (upper == "PATCH" || upper == "PATCHES") isPatch = true;
                else if ((tm = PatchVersionToken().Match(t)).Success) { isPatch = true; version = Num(tm.Groups[1].Value); }
                else if (upper == "RFC") isRfc = true;
                else if ((tm = RfcVersionToken().Match(t)).Success) { isRfc = true; version = Num(tm.Groups[1].Value); }
                else if (backport && ReleaseToken().IsMatch(t)) tags.Add(t);
                else if (upper == "RESEND") isResend = true;
                else if (upper == "PULL" || upper == "GIT-PULL") isPull = true;
                else if (upper == "GIT" && i + 1 < tokens.Length && tokens[i + 1].Equals("PULL", StringComparison.OrdinalIgnoreCase)) { isPull = true; i++; }
                else if ((tm = VersionToken().Match(t)).Success) version = Num(tm.Groups[1].Value);
                else if ((tm = IndexToken().Match(t)).Success)
                {
                    index = Num(tm.Groups[1].Value);
                    total = Num(tm.Groups[2].Value);
                }
                else tags.Add(t);
            }
        }

        var title = Spaces().Replace(rest, " ").Trim();
        return new SubjectInfo(isReply, isPatch, isRfc, isResend, isPull, version, index, total, tags, title);
    }

    // Other repositories whose patches travel on kernel lists, by the tag their subjects carry. Kernel trees
    // ("net-next", "bpf", "stable 5.10") are not here: a series may move between those and stay the same work.
    private static readonly HashSet<string> Projects = new(StringComparer.OrdinalIgnoreCase)
    {
        "kvm-unit-tests", "kvm-unit-test", "kvmtool", "qemu", "crosvm", "edk2", "u-boot", "tf-a", "linux-firmware",
        "iproute2", "iproute2-next", "ethtool", "libbpf", "pahole", "dwarves", "xdp-tools", "nftables", "iptables",
        "xfstests", "fstests", "blktests", "ltp", "man-pages", "util-linux", "e2fsprogs", "xfsprogs", "btrfs-progs",
        "nvme-cli", "mdadm", "trace-cmd", "libtraceevent", "rt-tests", "wireless-regdb",
    };

    public static string ProjectOf(IReadOnlyList<string> tags)
    {
        foreach (var t in tags)
            if (Projects.Contains(t)) return t.ToLowerInvariant();
        return "";
    }

    private static int Num(string s) => int.TryParse(s, out var n) ? n : 0;

    /// <summary>Comparable form of a title across versions: case, spacing and trailing punctuation ignored.</summary>
    public static string NormalizeTitle(string title)
    {
        var t = Spaces().Replace((title ?? "").ToLowerInvariant(), " ").Trim();
        return TrailingPunctuation().Replace(t, "");
    }
}
