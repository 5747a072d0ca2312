using System.Runtime.CompilerServices;
using System.Text;

namespace Ledger.Core.Importing.Sources;

/// One public-inbox v2 epoch (a bare git repository, one message per commit in blob "m").
/// Commits are listed with rev-list and their blobs streamed through a single `git cat-file --batch`.
/// With `until` set, only the bounded range since..until is read (one share of a distributed import).
public sealed class GitEpochSource(string repoPath, string? since, string? positionLabel = null, string? until = null) : IMailSource
{
    /// Checkpoint key: the full normalized path of the epoch repository.
    public static string KeyFor(string repoPath) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(repoPath));

    public string Name { get; } = KeyFor(repoPath);

    private string Label => positionLabel ?? Name;

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        if (!Directory.Exists(Name)) throw new SourceReadException($"Git epoch {Name} does not exist.");
        var range = await RangeAsync(ct);
        using var revList = GitCli.Start(Name, Name, ["rev-list", "--reverse", .. range]);
        revList.Process.StandardInput.Close();
        // %(rest) echoes the commit back, so responses need no separate bookkeeping.
        using var cat = GitCli.Start(Name, Name, "cat-file", "--batch=%(objectname) %(objecttype) %(objectsize) %(rest)");
        var pump = PumpAsync(revList, cat, ct);
        var reader = new ByteReader(cat.Process.StandardOutput.BaseStream);
        while (true)
        {
            (string Commit, byte[]? Blob)? entry;
            try
            {
                entry = await NextAsync(reader, ct);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                throw new SourceReadException($"Could not read git epoch {Name}: {e.Message} {cat.Stderr}".Trim(), e);
            }
            if (entry is null) break;
            var (commit, blob) = entry.Value;
            if (blob is null) continue; // this commit removed a message (blob "d"), nothing to import
            yield return new RawMail(blob, Name, $"{Label}@{commit}", new SourceCheckpoint(Name, commit));
        }

        try
        {
            await pump;
        }
        catch (IOException e)
        {
            throw new SourceReadException($"Could not feed git cat-file for epoch {Name}: {e.Message}", e);
        }
        await revList.Process.WaitForExitAsync(ct);
        if (revList.Process.ExitCode != 0)
            throw new SourceReadException($"git rev-list failed for epoch {Name}: {revList.Stderr}");
    }

    /// Everything reachable from HEAD (or from any ref if HEAD is unborn, or from `until` when given), minus what `since` already covered.
    private async Task<string[]> RangeAsync(CancellationToken ct)
    {
        var tip = string.IsNullOrEmpty(until) ? "HEAD" : until;
        var (headExit, _) = await GitCli.RunAsync(Name, Name, ct, "rev-parse", "--verify", "-q", tip + "^{commit}");
        if (headExit != 0 && !string.IsNullOrEmpty(until))
            throw new SourceReadException($"Git epoch {Name} has no commit {until}.");
        string[] tips = headExit == 0 ? [tip] : ["--all"];
        if (string.IsNullOrEmpty(since)) return tips;
        var (known, _) = await GitCli.RunAsync(Name, Name, ct, "cat-file", "-e", since + "^{commit}");
        if (known != 0) return tips;
        if (headExit == 0)
        {
            var (ancestor, _) = await GitCli.RunAsync(Name, Name, ct, "merge-base", "--is-ancestor", since, tip);
            if (ancestor != 0) return tips; // history rewritten: read all, the importer is idempotent
        }
        return [.. tips, "^" + since];
    }

    private static async Task PumpAsync(GitCli revList, GitCli cat, CancellationToken ct)
    {
        var input = cat.Process.StandardInput;
        int pending = 0;
        try
        {
            while (await revList.Process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.Length == 0) continue;
                await input.WriteAsync($"{line}:m {line}\n".AsMemory(), ct);
                // Batched flushes keep cat-file busy without a syscall per commit; Close flushes the rest.
                if (++pending % 64 == 0) await input.FlushAsync(ct);
            }
        }
        finally
        {
            input.Close();
        }
    }

    /// Parses one cat-file response: "<sha> blob <size> <commit>\n<bytes>\n" or "<commit>:m missing\n".
    private static async ValueTask<(string Commit, byte[]? Blob)?> NextAsync(ByteReader reader, CancellationToken ct)
    {
        var lineMem = await reader.ReadLineAsync(ct);
        if (lineMem.Length == 0) return null;
        string header = Encoding.ASCII.GetString(lineMem.Span).TrimEnd('\n');
        var parts = header.Split(' ');
        if (parts.Length == 2 && parts[1] == "missing") return (parts[0].Split(':')[0], null);
        if (parts.Length != 4 || !int.TryParse(parts[2], out int size))
            throw new InvalidDataException($"unexpected git cat-file output \"{header}\".");
        var body = await reader.PeekAsync(size + 1, ct);
        if (body.Length < size + 1) throw new InvalidDataException("git cat-file output ended early.");
        byte[]? blob = parts[1] == "blob" ? body[..size].ToArray() : null;
        reader.Take(size + 1);
        return (parts[3], blob);
    }
}
