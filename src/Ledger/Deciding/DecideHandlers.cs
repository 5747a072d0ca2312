using Ledger.Core.Decisions;
using Wolverine.Marten;

namespace Ledger.Deciding;

/// <summary>
/// Pure decide functions: (command, current curation) -> events. Wolverine's aggregate handler workflow loads the stream
/// with optimistic concurrency, so two people amending the same decision at once get a conflict, not a lost update.
/// A curation may start on a decision detected in mail, whose curation stream does not exist yet (decision is null then).
/// </summary>
[AggregateHandler]
public static class DecideHandlers
{
    public static DecisionRationaleAmended Handle(AmendRationale c, Decision? decision)
    {
        Expect(c.DecisionId, c.ExpectedVersion, decision);
        return new DecisionRationaleAmended(c.DecisionId, c.Rationale, c.Person, c.At);
    }

    public static DecisionEvidenceLinked Handle(LinkEvidence c, Decision? decision)
    {
        Expect(c.DecisionId, c.ExpectedVersion, decision);
        return new DecisionEvidenceLinked(c.DecisionId, c.MessageId, c.Note, c.Person, c.At);
    }

    public static DecisionEvidenceUnlinked Handle(UnlinkEvidence c, Decision? decision)
    {
        Expect(c.DecisionId, c.ExpectedVersion, decision);
        return new DecisionEvidenceUnlinked(c.DecisionId, c.MessageId, c.Person, c.At);
    }

    public static DecisionAccepted Handle(AcceptDecision c, Decision? decision)
    {
        Expect(c.DecisionId, c.ExpectedVersion, decision);
        return new DecisionAccepted(c.DecisionId, c.Person, c.At);
    }

    public static DecisionRejected Handle(RejectDecision c, Decision? decision)
    {
        Expect(c.DecisionId, c.ExpectedVersion, decision);
        return new DecisionRejected(c.DecisionId, c.Reason, c.Person, c.At);
    }

    public static DecisionSuperseded Handle(SupersedeDecision c, Decision? decision)
    {
        Expect(c.DecisionId, c.ExpectedVersion, decision);
        return new DecisionSuperseded(c.DecisionId, c.ByDecisionId, c.Person, c.At);
    }

    /// <summary>The version a person saw when they made up their mind: if the decision moved on since, say so.</summary>
    public static void Expect(string id, long? expected, Decision? decision)
    {
        var actual = decision?.Version ?? 0;
        if (expected is { } e && e != actual) throw new DecisionConflictException(id, e, actual);
    }
}

public static class OpenDecisionHandler
{
    public static IStartStream Handle(OpenDecision c) =>
        MartenOps.StartStream<Decision>(c.DecisionId, new DecisionOpened(c.DecisionId, c.Title, c.Scope, c.Rationale, c.Person, c.At));
}
