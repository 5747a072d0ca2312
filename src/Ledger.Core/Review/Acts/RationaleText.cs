using Ledger.Core.Review.Threads;

namespace Ledger.Core.Review.Acts;

/// <summary>The prose of a posting that can carry rationale: commit-message paragraphs and the comments its hunks add.</summary>
public static class RationaleText
{
    public static IEnumerable<string> Paragraphs(MailView posting)
    {
        foreach (var p in Split(posting.Patch.CommitMessage)) yield return p;
        foreach (var c in posting.Patch.AddedComments) foreach (var p in Split(c.Text)) yield return p;
    }

    public static IEnumerable<string> Split(string text) => text.Replace("\r", "")
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Trim()).Where(p => p.Length > 0);
}
