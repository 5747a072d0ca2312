namespace Ledger.Distributing;

/// <summary>
/// One share of a distributed import: the commits of one public-inbox epoch after <see cref="Since"/> (exclusive,
/// null = from the root) up to and including <see cref="Until"/>. Handled by any worker node; re-running it appends
/// nothing twice because the importer deduplicates by stream id.
/// </summary>
public sealed record ImportRange(string PlanId, string Epoch, string? Since, string Until, int Index, int Count, int Commits);

/// <summary>What `ledger work plan` published for one epoch; lets the last finished range advance the epoch's checkpoint.</summary>
public sealed class ImportPlan
{
    public string Id { get; set; } = "";
    public string Epoch { get; set; } = "";
    public string? Since { get; set; }
    public string Tip { get; set; } = "";
    public int Ranges { get; set; }
    public DateTimeOffset PlannedAt { get; set; }
}

/// <summary>One finished range (id "plan/index"); written after the range's mail is stored.</summary>
public sealed class ImportRangeDone
{
    public string Id { get; set; } = "";
    public string PlanId { get; set; } = "";
    public int Index { get; set; }
    public long New { get; set; }
    public long Duplicates { get; set; }
    public int Node { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
}
