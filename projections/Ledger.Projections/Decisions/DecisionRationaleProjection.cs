using Ledger.Core.Decisions;
using Marten.Events.Projections;

namespace Ledger.Projections.Decisions;

/// <summary>Gathers a decision from the lineage stream that detected it and the decision stream people curate.</summary>
public sealed class DecisionRationaleProjection : MultiStreamProjection<DecisionRationale, string>
{
    public DecisionRationaleProjection() => Identity<IDecisionEvent>(e => e.DecisionId);

    public DecisionRationale Apply(DecisionDetected e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(RationaleRevised e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionEvidenceFound e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionStatusDetected e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionOpened e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionRationaleAmended e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionEvidenceLinked e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionEvidenceUnlinked e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionAccepted e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionRejected e, DecisionRationale doc) => doc.When(e);
    public DecisionRationale Apply(DecisionSuperseded e, DecisionRationale doc) => doc.When(e);
}
