using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// A Maildir: every file in cur/ and new/ (tmp/ holds deliveries in progress), ordered by file name.
public sealed class MaildirSource(string path) : IMailSource
{
    public string Name => path;

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        List<(string Sub, string File)> files;
        try
        {
            files = new[] { "cur", "new" }
                .Where(sub => Directory.Exists(Path.Combine(path, sub)))
                .SelectMany(sub => Directory.EnumerateFiles(Path.Combine(path, sub))
                    .Select(f => (Sub: sub, File: Path.GetFileName(f))))
                .Where(f => !f.File.StartsWith('.'))
                .OrderBy(f => f.File, StringComparer.Ordinal)
                .ThenBy(f => f.Sub, StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourceReadException($"Could not list Maildir {path}: {e.Message}", e);
        }

        foreach (var (sub, file) in files)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(Path.Combine(path, sub, file), ct);
            }
            catch (FileNotFoundException)
            {
                continue; // moved or deleted by a mail client while we were reading
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new SourceReadException($"Could not read {sub}/{file} in Maildir {path}: {e.Message}", e);
            }
            yield return new RawMail(EmlSource.StripFromLine(bytes), path, $"{sub}/{file}");
        }
    }
}
