using System.Runtime.CompilerServices;

namespace Ledger.Core.Importing.Sources;

/// A thread on lore.kernel.org (or any public-inbox HTTP server), fetched as t.mbox.gz and streamed
/// through gunzip into the mbox splitter without holding the download in memory.
public sealed class LoreUrlSource(string url, HttpClient? http = null) : IMailSource
{
    private static readonly Lazy<HttpClient> Shared = new(() =>
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Ledger/1.0");
        return client;
    });

    public string Name => url;

    /// Maps a message or thread URL to its thread mbox, keeping scheme and host:
    /// ".../r/&lt;id&gt;", ".../all/&lt;id&gt;/", ".../&lt;list&gt;/&lt;id&gt;/T/#u" become ".../all/&lt;id&gt;/t.mbox.gz";
    /// a URL already ending in .mbox.gz or .mbox is returned unchanged (minus any fragment).
    public static string ToThreadMboxUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"\"{url}\" is not an http(s) URL.", nameof(url));
        var path = uri.AbsolutePath;
        if (path.EndsWith(".mbox.gz", StringComparison.Ordinal) || path.EndsWith(".mbox", StringComparison.Ordinal))
            return uri.GetLeftPart(UriPartial.Query);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2)
            throw new ArgumentException($"\"{url}\" does not name a message (expected /r/<message-id> or /<list>/<message-id>/).", nameof(url));
        var id = segments[1];
        if (id.StartsWith("%3C", StringComparison.OrdinalIgnoreCase) && id.EndsWith("%3E", StringComparison.OrdinalIgnoreCase) && id.Length > 6)
            id = id[3..^3];
        return $"{uri.Scheme}://{uri.Authority}/all/{id}/t.mbox.gz";
    }

    public async IAsyncEnumerable<RawMail> ReadAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var target = ToThreadMboxUrl(url);
        var client = http ?? Shared.Value;
        HttpResponseMessage response;
        try
        {
            response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new SourceReadException($"Could not fetch {target}: {e.Message}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new SourceReadException(
                    $"Fetching {target} failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase}.");
            var body = await response.Content.ReadAsStreamAsync(ct);
            await foreach (var mail in MboxSplitter.ReadAsync(body, target, target, ct))
                yield return mail;
        }
    }
}
