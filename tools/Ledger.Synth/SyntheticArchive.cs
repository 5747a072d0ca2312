using Bogus;

namespace Ledger.Synth;

/// <summary>
/// One delivered message. MessageId is the id the message was generated with (also when the Message-ID header
/// was deliberately dropped; see the malformed fact in Truth). Date is the intended date (also when the Date
/// header is garbage). Raw is the complete RFC 5322 message, LF line endings, without an mbox From_ line.
/// Truth holds the ground-truth facts that belong to this delivery. Position is the 0-based delivery index.
/// </summary>
public sealed record SyntheticMail(
    string MessageId,
    byte[] Raw,
    DateTimeOffset Date,
    IReadOnlyList<TruthFact> Truth,
    long Position,
    string Subject,
    string FromName,
    string FromEmail,
    string ListId);

/// <summary>Entry point for tests and tools: a lazily generated, deterministic synthetic archive.</summary>
public static class SyntheticArchive
{
    /// <summary>First lineage starts here; later ones follow at random intervals (mean 45 minutes).</summary>
    public static readonly DateTimeOffset Epoch = new(2019, 1, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Streams exactly <paramref name="messages"/> deliveries (cross-post copies count) for the given seed.
    /// Same arguments, same bytes. Memory use is bounded by one lineage (at most a few hundred messages).
    /// </summary>
    public static IEnumerable<SyntheticMail> Generate(int messages, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messages);
        var world = new World(seed);
        var driver = new Randomizer(seed);
        var start = Epoch;
        long position = 0;
        long lineage = 0;
        while (position < messages)
        {
            int lineageSeed = driver.Number(int.MaxValue);
            start = start.AddSeconds(driver.Double() * 5400);
            var gen = new LineageGenerator(world, new Randomizer(lineageSeed), lineage++);
            foreach (var d in gen.Generate((int)Math.Min(int.MaxValue, messages - position), start))
            {
                var truth = new List<TruthFact>(d.Truth);
                if (d.Defect != Defect.None)
                {
                    var where = d.Defect == Defect.MissingMessageId ? $"position:{position}" : d.MessageId;
                    truth.Add(new MalformedFact(where, DefectName(d.Defect), d.MessageId));
                }
                yield return new SyntheticMail(d.MessageId, MailWriter.Render(d, d.List, d.Defect, d.DefectText), d.Date, truth,
                    position++, d.Subject, d.From.Name, d.From.Email, d.List.ListId);
                if (d.CrossList is { } cross)
                {
                    yield return new SyntheticMail(d.MessageId, MailWriter.Render(d, cross, d.Defect, d.DefectText), d.Date,
                        [new CrosspostFact(d.MessageId, [d.List.ListId, cross.ListId])],
                        position++, d.Subject, d.From.Name, d.From.Email, cross.ListId);
                }
            }
        }
    }

    static string DefectName(Defect d) => d switch
    {
        Defect.MissingMessageId => "missing-message-id",
        Defect.GarbageHeader => "garbage-header-line",
        Defect.BrokenBase64 => "broken-base64",
        Defect.BadDate => "bad-date",
        _ => "none",
    };
}
