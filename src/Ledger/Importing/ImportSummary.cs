namespace Ledger.Importing;

public sealed record ImportProgress(long Read, long New, long Duplicates, long Quarantined, TimeSpan Elapsed)
{
    public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}

/// <summary>What an import did. NewMessageIds lists at most the first <see cref="MaxListedIds"/> new ids (New counts them all), so memory stays flat on huge imports.</summary>
public sealed record ImportSummary(long Read, long New, long Duplicates, long Quarantined, TimeSpan Elapsed, IReadOnlyList<string> NewMessageIds)
{
    public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
    public const int MaxListedIds = 10_000;
}
