namespace Ledger.Accuracy;

/// <summary>True/false positives and false negatives, with precision, recall and F1 (1.0 when there is nothing to find and nothing found).</summary>
public sealed class Counts
{
    public int TruePositives { get; set; }
    public int FalsePositives { get; set; }
    public int FalseNegatives { get; set; }

    public int Labelled => TruePositives + FalseNegatives;
    public int Predicted => TruePositives + FalsePositives;
    public double Precision => Predicted == 0 ? (Labelled == 0 ? 1 : 0) : (double)TruePositives / Predicted;
    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public bool Exact => FalsePositives == 0 && FalseNegatives == 0;

    public void Add(Counts other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }

    public void Score(bool labelled, bool predicted)
    {
        if (labelled && predicted) TruePositives++;
        else if (predicted) FalsePositives++;
        else if (labelled) FalseNegatives++;
    }

    public override string ToString() => $"P {Precision:0.000} R {Recall:0.000} F1 {F1:0.000} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})";
}

/// <summary>A share of items that agree, e.g. versions read right or resolutions with the labelled status.</summary>
public sealed class Agreement
{
    public int Agreeing { get; set; }
    public int Total { get; set; }
    public double Rate => Total == 0 ? 1 : (double)Agreeing / Total;
    public bool Exact => Agreeing == Total;
    public void Score(bool agrees) { Total++; if (agrees) Agreeing++; }
    public void Add(Agreement other) { Agreeing += other.Agreeing; Total += other.Total; }
    public override string ToString() => $"{Agreeing}/{Total} ({Rate:0.000})";
}
