using Ledger.Core.Decisions;

namespace Ledger.Deciding;

// What a person may say about a decision. Wolverine finds the stream from DecisionId (the "{Aggregate}Id" convention).
public sealed record OpenDecision(string DecisionId, string Title, string[] Scope, string Rationale, string Person, DateTimeOffset At);
public sealed record AmendRationale(string DecisionId, string Rationale, string Person, DateTimeOffset At, long? ExpectedVersion = null);
public sealed record LinkEvidence(string DecisionId, string MessageId, string Note, string Person, DateTimeOffset At, long? ExpectedVersion = null);
public sealed record UnlinkEvidence(string DecisionId, string MessageId, string Person, DateTimeOffset At, long? ExpectedVersion = null);
public sealed record AcceptDecision(string DecisionId, string Person, DateTimeOffset At, long? ExpectedVersion = null);
public sealed record RejectDecision(string DecisionId, string Reason, string Person, DateTimeOffset At, long? ExpectedVersion = null);
public sealed record SupersedeDecision(string DecisionId, string ByDecisionId, string Person, DateTimeOffset At, long? ExpectedVersion = null);

/// <summary>
/// The write model of one decision's curation: only what people recorded (stream = the decision id). Detected facts
/// live in the lineage streams; keeping them apart is what lets a reindex replace interpretations and keep curations.
/// </summary>
public sealed class Decision
{
    public string Id { get; set; } = "";
    public long Version { get; set; }
    public bool Opened { get; set; }
    public string? Status { get; set; }
    public HashSet<string> Linked { get; set; } = [];

    public static Decision Create(DecisionOpened e) => new() { Id = e.DecisionId, Opened = true, Status = "proposed" };
    public void Apply(DecisionRationaleAmended e) => Id = e.DecisionId;
    public void Apply(DecisionEvidenceLinked e) { Id = e.DecisionId; Linked.Add(e.MessageId); }
    public void Apply(DecisionEvidenceUnlinked e) { Id = e.DecisionId; Linked.Remove(e.MessageId); }
    public void Apply(DecisionAccepted e) { Id = e.DecisionId; Status = "accepted"; }
    public void Apply(DecisionRejected e) { Id = e.DecisionId; Status = "rejected"; }
    public void Apply(DecisionSuperseded e) { Id = e.DecisionId; Status = "superseded"; }
}

public sealed class DecisionConflictException(string decisionId, long expected, long actual)
    : Exception($"decision {decisionId} changed meanwhile (you expected version {expected}, it is at {actual}); look again with `ledger why {decisionId}` and retry");
