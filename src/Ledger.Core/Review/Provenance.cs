namespace Ledger.Core.Review;

/// <summary>Which rule, of which extractor version, produced a derived event, and how sure it was.</summary>
public sealed record Provenance(string Rule, string RuleVersion, double Confidence)
{
    public static Provenance Of(string rule, double confidence = 1.0) => new(rule, Interpretation.ExtractorVersion, confidence);
}
