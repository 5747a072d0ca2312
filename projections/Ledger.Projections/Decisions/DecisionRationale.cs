using Ledger.Core.Decisions;
using Ledger.Core.Text;

namespace Ledger.Projections.Decisions;

/// <summary>
/// A decision with its rationale and the full ordered history of why. Detected facts (from mail) and curated ones (from
/// `ledger decide`) are kept apart, so a reindex replaces the first and never touches the second. Every entry carries its
/// date, so any past state is a filter over this one document (see DecisionAsOf).
/// </summary>
public sealed class DecisionRationale
{
    public string Id { get; set; } = "";
    public string? LineageId { get; set; }
    public string Title { get; set; } = "";
    public string[] Scope { get; set; } = [];
    public List<RationaleRevised> Revisions { get; set; } = [];
    public List<HistoryEntry> History { get; set; } = [];
    public List<StatusEntry> Statuses { get; set; } = [];
    public List<HistoryEntry> Curated { get; set; } = [];
    public List<CuratedRationale> CuratedRationales { get; set; } = [];
    public List<string> Unlinked { get; set; } = [];
    public string? CuratedTitle { get; set; }
    /// <summary>What `why` searches (a trigger keeps its tsvector): derived, so built when the document is written, not per event.</summary>
    public string SearchText => BuildSearchText();
    /// <summary>What ranks a `why` match (titles, scope, the latest curated rationale): derived, like SearchText.</summary>
    public string SearchHead => string.Join(' ', new[] { CuratedTitle, Title, string.Join(' ', Scope), CuratedRationales.LastOrDefault()?.Text }.Where(t => !string.IsNullOrEmpty(t)));
    /// <summary>How much history the decision has: breaks ties between equally ranked matches.</summary>
    public int SearchWeight => History.Count;
    /// <summary>What reviewers said, in full (clipped per message): searched, never shown.</summary>
    public List<string> Said { get; set; } = [];
    public long CurationVersion { get; set; }

    // Lookups that keep a fold linear on decisions with thousands of messages; rebuilt from the lists after loading.
    private HashSet<string>? _said;

    public DecisionRationale When(object e)
    {
        switch (e)
        {
            case DecisionDetected d:
                LineageId = d.LineageId; Title = d.Title; Scope = d.Scope;
                Revisions = []; History = []; Statuses = []; Said = []; _said = null;
                break;
            case RationaleRevised r:
                // The per-patch history lines come as DecisionEvidenceFound; the revision itself is the rationale as of that version.
                // Its word diff stays in the event: no reader of the document uses it, and it was a quarter of the document.
                Revisions.Add(r with { WordDiff = null });
                break;
            case DecisionEvidenceFound f:
                History.Add(new HistoryEntry(f.Date, f.Person, f.MessageId, f.Version, f.Kind, f.Summary, "mail", f.Provenance.Rule));
                if (f.Detail.Length > 0 && (_said ??= [.. Said]).Add(f.Detail)) Said.Add(f.Detail);
                break;
            case DecisionStatusDetected s: Statuses.Add(new StatusEntry(s.Date, s.Status, s.Person, s.MessageId, "mail")); break;
            case DecisionOpened o:
                CuratedTitle = o.Title; Title = Title.Length == 0 ? o.Title : Title; Scope = Scope.Union(o.Scope).ToArray();
                if (o.Rationale.Length > 0) CuratedRationales.Add(new CuratedRationale(o.At, o.Person, o.Rationale));
                Statuses.Add(new StatusEntry(o.At, "proposed", o.Person, null, "curated"));
                Curate(o.At, o.Person, null, "opened", o.Title);
                break;
            case DecisionRationaleAmended a: CuratedRationales.Add(new CuratedRationale(a.At, a.Person, a.Rationale)); Curate(a.At, a.Person, null, "rationale-amended", a.Rationale); break;
            case DecisionEvidenceLinked l: Unlinked.Remove(l.MessageId); Curate(l.At, l.Person, l.MessageId, "evidence-linked", l.Note); break;
            case DecisionEvidenceUnlinked u: Unlinked.Add(u.MessageId); Curate(u.At, u.Person, u.MessageId, "evidence-unlinked", "unlinked"); break;
            case DecisionAccepted a: Statuses.Add(new StatusEntry(a.At, "accepted", a.Person, null, "curated")); Curate(a.At, a.Person, null, "accepted", "accepted"); break;
            case DecisionRejected r: Statuses.Add(new StatusEntry(r.At, "rejected", r.Person, null, "curated")); Curate(r.At, r.Person, null, "rejected", r.Reason); break;
            case DecisionSuperseded s: Statuses.Add(new StatusEntry(s.At, "superseded", s.Person, null, "curated")); Curate(s.At, s.Person, null, "superseded", "superseded by " + s.ByDecisionId); break;
        }
        if (e is IDecisionEvent de) Id = de.DecisionId;
        return this;
    }

    private void Curate(DateTimeOffset at, string person, string? messageId, string kind, string summary)
    {
        Curated.Add(new HistoryEntry(at, person, messageId, null, kind, summary, "curated", "ledger decide"));
        CurationVersion++;
    }

    private string BuildSearchText()
    {
        var latest = Revisions.Count > 0 ? string.Join("\n", Revisions[^1].Blocks.Select(b => b.Text)) : "";
        var curated = CuratedRationales.Count > 0 ? CuratedRationales[^1].Text : "";
        var history = string.Join("\n", History.Where(h => h.Kind is not "posted" and not "rationale-revised").Select(h => h.Summary));
        return string.Join("\n", CuratedTitle ?? "", Title, string.Join(' ', Scope), curated, latest, history, string.Join("\n", Said));
    }

    public static string Words(string text) => string.Join(' ', Ledger.Core.Text.Words.Tokens(text));
}

public sealed record HistoryEntry(DateTimeOffset Date, string Person, string? MessageId, int? Version, string Kind, string Summary, string Source, string Rule);
public sealed record StatusEntry(DateTimeOffset Date, string Status, string Person, string? MessageId, string Source);
public sealed record CuratedRationale(DateTimeOffset At, string Person, string Text);
