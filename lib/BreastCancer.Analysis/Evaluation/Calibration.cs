namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// How well predicted probabilities match observed frequencies: the reliability diagram (predictions in equal-width
/// probability bins, each bin's mean prediction against its share of malignant tumours; scikit-learn's
/// <c>calibration_curve</c> with the uniform strategy) and the expected calibration error, the bin-size-weighted mean
/// absolute gap between the two (Naeini, Cooper &amp; Hauskrecht, AAAI 2015).
/// </summary>
/// <param name="Bins">The non-empty bins, lowest probabilities first.</param>
/// <param name="ExpectedCalibrationError">Σ (nᵦ / n) · |mean prediction − observed share|, 0–1.</param>
public sealed record Calibration(IReadOnlyList<CalibrationBin> Bins, double ExpectedCalibrationError)
{
    /// <summary>The reliability of <paramref name="probabilities"/> against <paramref name="labels"/> in <paramref name="binCount"/> bins over [0, 1].</summary>
    public static Calibration Compute(IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities, int binCount = 10)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(binCount, 1);
        var bins = Enumerable.Range(0, labels.Count)
            .GroupBy(i => Math.Min((int)(probabilities[i] * binCount), binCount - 1))
            .OrderBy(g => g.Key)
            .Select(g => new CalibrationBin(g.Key / (double)binCount, (g.Key + 1) / (double)binCount, g.Count(), g.Average(i => probabilities[i]), g.Count(i => labels[i]) / (double)g.Count()))
            .ToList();
        return new Calibration(bins, bins.Sum(b => b.Count / (double)labels.Count * Math.Abs(b.MeanPrediction - b.ObservedShare)));
    }
}

/// <summary>One bin of a reliability diagram.</summary>
/// <param name="Low">Lower edge of the bin's probability range.</param>
/// <param name="High">Upper edge (the last bin includes 1).</param>
/// <param name="Count">Predictions in the bin.</param>
/// <param name="MeanPrediction">Their mean predicted probability.</param>
/// <param name="ObservedShare">The share of them that are malignant.</param>
public sealed record CalibrationBin(double Low, double High, int Count, double MeanPrediction, double ObservedShare);
