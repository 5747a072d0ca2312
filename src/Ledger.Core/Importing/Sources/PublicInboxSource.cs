using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// A public-inbox v2 inbox: epochs git/0.git, git/1.git, ... read in numeric order, each incrementally.
public sealed class PublicInboxSource(string inboxPath, Func<string, string?> lastCommit) : IMailSource
{
    public string Name { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(inboxPath));

    /// Epoch repositories in numeric order (0.git, 1.git, ..., 10.git).
    public static IReadOnlyList<string> Epochs(string inboxPath)
    {
        var git = Path.Combine(inboxPath, "git");
        if (!Directory.Exists(git)) return [];
        return Directory.EnumerateDirectories(git, "*.git")
            .Select(d => (Dir: d, Name: Path.GetFileName(d)))
            .Select(d => (d.Dir, Ok: int.TryParse(d.Name[..^4], out int n), N: n))
            .Where(d => d.Ok && d.N >= 0)
            .OrderBy(d => d.N)
            .Select(d => d.Dir)
            .ToList();
    }

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var epochs = Epochs(Name);
        if (epochs.Count == 0) throw new SourceReadException($"Public-inbox {Name} has no git/N.git epochs.");
        foreach (var epoch in epochs)
        {
            var key = GitEpochSource.KeyFor(epoch);
            var label = Path.GetRelativePath(Name, epoch).Replace('\\', '/');
            await foreach (var mail in new GitEpochSource(epoch, lastCommit(key), label).ReadAsync(ct))
                yield return mail with { Source = Name };
        }
    }
}
