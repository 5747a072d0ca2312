using System.Text.RegularExpressions;

namespace Ledger.Core.Review.Parsing;

/// <summary>
/// Reports of build and test robots (0-day's kernel test robot, syzbot, patchew) in answer to a patch. Their text is a template
/// with a build log, not prose: read as sentences it gave praise ("I love your patch!"), suggestions ("I'd suggest to use
/// '--base'") and proposed rewordings (the compiler output). A report is one finding: the patch breaks something.
/// </summary>
public static partial class AutomatedReports
{
    // 0-day ("kernel test robot"), syzbot, and QEMU's patchew ("This series failed the docker-mingw@fedora build test").
    [GeneratedRegex(@"kernel test robot noticed|\b(?:Perhaps|Yet) something to improve\b|\[auto build test (?:ERROR|WARNING)\b|\bsyzbot (?:found|has found)\b|^Patchew URL:|\bThis series failed the [\w@.-]+ build test\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Marker();

    // "arch/arm64/kvm/mmu.c:650:36: sparse: incorrect type ...", ">> drivers/x.c:12: error: ...", "ld: undefined reference".
    [GeneratedRegex(@"^(?:>>\s*)?(?<line>[\w./+-]+:\d+(?::\d+)?:\s*(?:sparse:\s*)?(?:fatal\s+)?(?:error|warning|sparse|note)\b.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Diagnostic();

    [GeneratedRegex(@"^.*(?:noticed the following|auto build test|syzbot found|syzbot has found|This series failed the).*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Headline();

    public static bool IsReport(string body) => Marker().IsMatch(body);

    /// <summary>What the report found: its first diagnostic, else its headline.</summary>
    public static string Finding(string body)
    {
        var diagnostic = Diagnostic().Match(body);
        if (diagnostic.Success) return diagnostic.Groups["line"].Value.Trim();
        var headline = Headline().Match(body);
        return headline.Success ? headline.Value.Trim() : "automated report";
    }
}
