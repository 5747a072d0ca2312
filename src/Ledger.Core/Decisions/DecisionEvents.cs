using Ledger.Core.Review;

namespace Ledger.Core.Decisions;

public interface IDecisionEvent { string DecisionId { get; } }

// Detected in mail: appended to the lineage stream with the rest of its interpretation.

/// <summary>Opens (or re-opens, on reinterpretation) the detected part of a decision; earlier detected facts are superseded.</summary>
public sealed record DecisionDetected(string DecisionId, string LineageId, string Title, string[] Scope, DateTimeOffset Date, string MessageId, Provenance Provenance) : IDecisionEvent, ILineageEvent;

/// <summary>The rationale as one version of the series states it (commit messages and the comments its hunks add).</summary>
public sealed record RationaleRevised(
    string DecisionId, string LineageId, int Version, string MessageId, string Person, DateTimeOffset Date, RationaleBlock[] Blocks,
    double SimilarityToPrevious, string? WordDiff, string[] PromptedBy, Provenance Provenance) : IDecisionEvent, ILineageEvent;

public sealed record RationaleBlock(string PatchMessageId, string Label, string Text);

/// <summary>A message that shaped the decision: an objection, a question, a direction, a rewording, an ack withdrawn, an apply.</summary>
public sealed record DecisionEvidenceFound(
    string DecisionId, string LineageId, string MessageId, string Person, DateTimeOffset Date, int Version, string Kind, string Summary, Provenance Provenance) : IDecisionEvent, ILineageEvent
{
    /// <summary>The whole of what was said (clipped), for search: a summary is one sentence, a topic may sit in the third.</summary>
    public string Detail { get; init; } = "";
}

public sealed record DecisionStatusDetected(string DecisionId, string LineageId, string Status, string MessageId, string Person, DateTimeOffset Date, Provenance Provenance) : IDecisionEvent, ILineageEvent;

// Recorded by a person (`ledger decide`): stream "decision:{id}". Reindexing never touches these.

public sealed record DecisionOpened(string DecisionId, string Title, string[] Scope, string Rationale, string Person, DateTimeOffset At) : IDecisionEvent;
public sealed record DecisionRationaleAmended(string DecisionId, string Rationale, string Person, DateTimeOffset At) : IDecisionEvent;
public sealed record DecisionEvidenceLinked(string DecisionId, string MessageId, string Note, string Person, DateTimeOffset At) : IDecisionEvent;
public sealed record DecisionEvidenceUnlinked(string DecisionId, string MessageId, string Person, DateTimeOffset At) : IDecisionEvent;
public sealed record DecisionAccepted(string DecisionId, string Person, DateTimeOffset At) : IDecisionEvent;
public sealed record DecisionRejected(string DecisionId, string Reason, string Person, DateTimeOffset At) : IDecisionEvent;
public sealed record DecisionSuperseded(string DecisionId, string ByDecisionId, string Person, DateTimeOffset At) : IDecisionEvent;
