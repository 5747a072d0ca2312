namespace Ledger.Synth;

internal enum Defect { None, MissingMessageId, GarbageHeader, BrokenBase64, BadDate }

internal enum BodyEncoding { EightBit, QuotedPrintable, Base64 }

/// <summary>A message before rendering: structured headers plus the decoded body text.</summary>
internal sealed class MailDraft
{
    public required string MessageId { get; init; }
    public required Person From { get; init; }
    public required IReadOnlyList<Person> To { get; init; }
    public IReadOnlyList<Person> Cc { get; init; } = [];
    public required IReadOnlyList<MailingList> Lists { get; init; }
    public required string Subject { get; init; }
    public required DateTimeOffset Date { get; init; }
    public string? InReplyTo { get; init; }
    public IReadOnlyList<string> References { get; init; } = [];
    public required string Body { get; set; }
    /// <summary>"X-Mailer: ..." or "User-Agent: ..." line content, without the trailing newline.</summary>
    public string? MailerHeader { get; init; }
    public BodyEncoding Encoding { get; set; } = BodyEncoding.EightBit;
    /// <summary>List whose copy this is (List-Id); CrossList, when set, gets a second delivery.</summary>
    public required MailingList List { get; init; }
    public MailingList? CrossList { get; set; }
    public Defect Defect { get; set; }
    /// <summary>Garbage header line or bad Date value used by the defect.</summary>
    public string DefectText { get; set; } = "";
    public int Children { get; set; }
    public long Seq { get; init; }
    public List<TruthFact> Truth { get; } = [];
}
