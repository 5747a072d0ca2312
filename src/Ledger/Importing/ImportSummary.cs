namespace Ledger.Importing;

public sealed record ImportProgress(long Read, long New, long Duplicates, long Quarantined, TimeSpan Elapsed)
{
    public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}

public sealed record ImportSummary(long Read, long New, long Duplicates, long Quarantined, TimeSpan Elapsed, IReadOnlyList<string> NewMessageIds)
{
    public double MessagesPerSecond => Elapsed.TotalSeconds > 0 ? Read / Elapsed.TotalSeconds : 0;
}
