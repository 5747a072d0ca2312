namespace Ledger.Core.Importing.Sources;

/// Picks the right reader for whatever the user pointed at.
public static class MailSources
{
    /// "-" => stdin; http(s) URL => lore thread; directory with cur/ or new/ => Maildir;
    /// directory with git/N.git => public-inbox v2 inbox; bare git repository => one epoch;
    /// *.eml => one message; any other file => mbox (gzip detected by magic bytes, not extension).
    /// <param name="lastCommit">Last commit already imported for an epoch key (full epoch path); null reads all.</param>
    public static IMailSource Open(string spec, Func<string, string?> lastCommit, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(lastCommit);
        if (spec == "-") return new StdinSource();
        if (spec.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || spec.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return new LoreUrlSource(spec, http);

        if (Directory.Exists(spec))
        {
            if (Directory.Exists(Path.Combine(spec, "cur")) || Directory.Exists(Path.Combine(spec, "new")))
                return new MaildirSource(spec);
            if (PublicInboxSource.Epochs(spec).Count > 0) return new PublicInboxSource(spec, lastCommit);
            if (File.Exists(Path.Combine(spec, "HEAD")) && Directory.Exists(Path.Combine(spec, "objects")))
                return new GitEpochSource(spec, lastCommit(GitEpochSource.KeyFor(spec)), Path.GetFileName(Path.TrimEndingDirectorySeparator(spec)));
            throw new SourceReadException(
                $"Directory {spec} is neither a Maildir, a public-inbox inbox nor a bare git repository.");
        }

        if (!File.Exists(spec)) throw new SourceReadException($"Mail source {spec} does not exist.");
        if (spec.EndsWith(".eml", StringComparison.OrdinalIgnoreCase)) return new EmlSource(spec);
        return new MboxSource(spec);
    }
}
