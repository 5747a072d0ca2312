using System.Text.Json;

namespace Ledger.Synth;

/// <summary>One ground-truth fact; serialised as one JSON object per line (see README.md).</summary>
public abstract record TruthFact
{
    public abstract string Kind { get; }
    public void WriteTo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("kind", Kind);
        WriteFields(w);
        w.WriteEndObject();
    }
    protected abstract void WriteFields(Utf8JsonWriter w);
}

/// <summary>One posted version of a series. Cover is null for single-patch series.</summary>
public sealed record SeriesFact(string Lineage, int Version, string? Cover, IReadOnlyList<string> Patches) : TruthFact
{
    public override string Kind => "series";
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("lineage", Lineage);
        w.WriteNumber("version", Version);
        w.WriteString("cover", Cover);
        w.WriteStartArray("patches");
        foreach (var p in Patches) w.WriteStringValue(p);
        w.WriteEndArray();
    }
}

/// <summary>
/// A review act inside a message. Resolution is final when the fact is emitted (the whole lineage is planned first).
/// Mutable only inside the generator.
/// </summary>
public sealed record ActFact(string MessageId, string Type, string TargetMessageId, string? ProposedText) : TruthFact
{
    public string Resolution { get; internal set; } = "open";
    public override string Kind => "act";
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("message_id", MessageId);
        w.WriteString("type", Type);
        w.WriteString("target_message_id", TargetMessageId);
        w.WriteString("proposed_text", ProposedText);
        w.WriteString("resolution", Resolution);
    }
}

/// <summary>
/// A trailer. given_in == patch_message_id means the trailer is carried in the patch body itself
/// (Signed-off-by, or tags collected from earlier versions); otherwise it was given in a reply.
/// </summary>
public sealed record TrailerFact(string PatchMessageId, string Name, string Value, string GivenIn, bool Conditional) : TruthFact
{
    public bool Withdrawn { get; internal set; }
    public override string Kind => "trailer";
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("patch_message_id", PatchMessageId);
        w.WriteString("name", Name);
        w.WriteString("value", Value);
        w.WriteString("given_in", GivenIn);
        w.WriteBoolean("conditional", Conditional);
        w.WriteBoolean("withdrawn", Withdrawn);
    }
}

public sealed record DecisionFact(string Lineage, string Statement) : TruthFact
{
    public string Status { get; internal set; } = "proposed";
    /// <summary>Message in which the decision was first stated (extra field, not in the brief's schema).</summary>
    public string? StatedIn { get; init; }
    public override string Kind => "decision";
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("lineage", Lineage);
        w.WriteString("statement", Statement);
        w.WriteString("status", Status);
        if (StatedIn is not null) w.WriteString("stated_in", StatedIn);
    }
}

/// <summary>
/// A deliberately broken message. MessageIdOrPosition is the Message-ID, or "position:N" (0-based delivery
/// index in the output) when the Message-ID header was removed; IntendedMessageId is the id it would have had.
/// </summary>
public sealed record MalformedFact(string MessageIdOrPosition, string Defect, string IntendedMessageId) : TruthFact
{
    public override string Kind => "malformed";
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("message_id_or_position", MessageIdOrPosition);
        w.WriteString("defect", Defect);
        w.WriteString("intended_message_id", IntendedMessageId);
    }
}

/// <summary>The message was delivered twice (this fact rides on the second copy); ListIds are both List-Ids.</summary>
public sealed record CrosspostFact(string MessageId, IReadOnlyList<string> ListIds) : TruthFact
{
    public override string Kind => "crosspost";
    protected override void WriteFields(Utf8JsonWriter w)
    {
        w.WriteString("message_id", MessageId);
        w.WriteStartArray("list_ids");
        foreach (var l in ListIds) w.WriteStringValue(l);
        w.WriteEndArray();
    }
}
