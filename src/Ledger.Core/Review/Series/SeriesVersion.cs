using Ledger.Core.Review.Threads;

namespace Ledger.Core.Review.Series;

/// <summary>The patches of one posting: a cover letter (optional) and patches 1..n of one version.</summary>
public sealed class SeriesVersion(string id, int version, MailView? cover, List<MailView> patches)
{
    public string Id { get; } = id;
    public int Version { get; } = version;
    public MailView? Cover { get; } = cover;
    public List<MailView> Patches { get; } = patches;
    public MailView First => Cover ?? Patches[0];
    public string AuthorAddress => First.Mail.FromAddress;
    public string Author => First.Person;
    public DateTimeOffset Date => Patches.Select(p => p.Date).Append(First.Date).Min();
    public string Title => First.Subject.Title;
    /// <summary>The repository this posting is for: "" for the kernel (see <see cref="Parsing.SubjectInfo.Project"/>).</summary>
    public string Project => First.Subject.Project;
    public IEnumerable<MailView> Postings => Cover is null ? Patches : Patches.Prepend(Cover);
    public IEnumerable<string> Titles => Postings.Select(p => p.Subject.Title);

    /// <summary>The patch of this version that continues `earlier` (same index and a similar title, else the most similar title).</summary>
    public MailView? Counterpart(MailView earlier)
    {
        if (earlier.IsCover) return Cover;
        var title = earlier.TitleWords;
        var best = Patches.MaxBy(p => Text.Words.Jaccard(p.TitleWords, title));
        return best is not null && Text.Words.Jaccard(best.TitleWords, title) >= 0.4 ? best
            : Patches.Count == 1 && Patches[0].Subject.Total <= 1 ? Patches[0] : null;
    }
}
