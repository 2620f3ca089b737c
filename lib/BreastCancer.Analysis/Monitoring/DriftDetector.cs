using BreastCancer.Analysis.Deployment;

namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// Watches windows of incoming rows for drift from the rows the model was trained on. Each feature is compared by
/// its population stability index (<see cref="PopulationStabilityIndex"/>, 10 reference-decile bins) and by the
/// two-sample Kolmogorov–Smirnov test (<see cref="KolmogorovSmirnov"/>), whose p-values are Holm-adjusted over the
/// features (<see cref="HolmCorrection"/>). A feature drifts when both say so: its adjusted KS p-value is below
/// <see cref="DriftThresholds.KsAlpha"/> (the shift is real) and its PSI is above <see cref="DriftThresholds.PsiAlert"/>
/// (the shift is large enough to matter). Every alert is then a Holm rejection, so an undrifted window raises any
/// feature alert with probability at most <see cref="DriftThresholds.KsAlpha"/>; PSI alone, unadjusted, would not keep
/// that bound (in a window of 100 rows its expectation under no drift is already about 0.11). The share of rows called malignant is compared by a two-proportion test
/// (<see cref="TwoProportionTest"/>). Values are in the data's units; NaN is a missing value and is left out of that
/// feature's comparison. A window with fewer rows than <see cref="DriftThresholds.MinimumWindow"/> is refused with
/// an exception rather than reported on: its PSI would be dominated by sampling noise.
/// </summary>
public sealed class DriftDetector
{
    private readonly double[][] _referenceColumns;
    private readonly int _referenceMalignant;

    /// <summary>
    /// A detector for the reference rows <paramref name="referenceRows"/> (the training rows, each with one value per
    /// feature in <paramref name="featureNames"/>' order) and the model's probabilities of malignancy for them
    /// (<paramref name="referenceProbabilities"/>, 0–1; out-of-fold probabilities are the fairest reference), a row being
    /// called malignant when its probability is at least <paramref name="threshold"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The rows, names and probabilities disagree in size, or a value is out of range.</exception>
    public DriftDetector(IReadOnlyList<double[]> referenceRows, IReadOnlyList<string> featureNames, IReadOnlyList<double> referenceProbabilities, double threshold,
        DriftThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(referenceRows);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(referenceProbabilities);
        if (featureNames.Count == 0)
        {
            throw new ArgumentException("no features to watch", nameof(featureNames));
        }

        if (threshold is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "the decision threshold is a probability, 0–1");
        }

        Thresholds = thresholds ?? DriftThresholds.Default;
        Thresholds.Validate();
        FeatureNames = [.. featureNames];
        Threshold = threshold;
        if (referenceRows.Count < 2)
        {
            throw new ArgumentException($"{referenceRows.Count} reference rows: the reference needs at least 2", nameof(referenceRows));
        }

        ReferenceSize = referenceRows.Count;
        _referenceColumns = Columns(referenceRows, "reference row", nameof(referenceRows));
        _referenceMalignant = CountCalledMalignant(referenceProbabilities, referenceRows.Count, "reference", nameof(referenceProbabilities));
        for (var f = 0; f < FeatureNames.Count; f++)
        {
            if (_referenceColumns[f].Length < 2)
            {
                throw new ArgumentException($"feature '{FeatureNames[f]}' has {_referenceColumns[f].Length} observed reference values: it needs at least 2", nameof(referenceRows));
            }
        }
    }

    /// <summary>The features watched, in row order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The decision threshold: a row is called malignant when its probability is at least this, 0–1.</summary>
    public double Threshold { get; }

    /// <summary>When a window is called drifted.</summary>
    public DriftThresholds Thresholds { get; }

    /// <summary>Rows in the reference.</summary>
    public int ReferenceSize { get; }

    /// <summary>
    /// A detector for the model of <paramref name="card"/>: its features (in the card's order) and decision threshold,
    /// with <paramref name="trainingRows"/> the rows it was trained on and <paramref name="trainingProbabilities"/> its
    /// (preferably out-of-fold) probabilities for them.
    /// </summary>
    /// <exception cref="ArgumentException">The number of rows is not the card's number of training rows.</exception>
    public static DriftDetector ForModel(ModelCard card, IReadOnlyList<double[]> trainingRows, IReadOnlyList<double> trainingProbabilities, DriftThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(trainingRows);
        if (trainingRows.Count != card.Data.TrainingRows)
        {
            throw new ArgumentException($"{trainingRows.Count} rows, but model {card.Version} was trained on {card.Data.TrainingRows}", nameof(trainingRows));
        }

        return new DriftDetector(trainingRows, [.. card.Features.Select(f => f.Name)], trainingProbabilities, card.Threshold.Threshold, thresholds);
    }

    /// <summary>
    /// The drift of <paramref name="windowRows"/> (values in the reference's units and feature order) whose
    /// probabilities of malignancy are <paramref name="windowProbabilities"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The window has fewer than <see cref="DriftThresholds.MinimumWindow"/> rows (or observed values of a feature), or rows of the wrong length, or probabilities outside 0–1.</exception>
    public DriftReport Check(IReadOnlyList<double[]> windowRows, IReadOnlyList<double> windowProbabilities)
    {
        ArgumentNullException.ThrowIfNull(windowRows);
        ArgumentNullException.ThrowIfNull(windowProbabilities);
        if (windowRows.Count < Thresholds.MinimumWindow)
        {
            throw new ArgumentException($"the window has {windowRows.Count} rows, fewer than the minimum of {Thresholds.MinimumWindow}: wait for more rows", nameof(windowRows));
        }

        var columns = Columns(windowRows, "window row", nameof(windowRows));
        var windowMalignant = CountCalledMalignant(windowProbabilities, windowRows.Count, "window", nameof(windowProbabilities));
        var psi = new PopulationStabilityIndex[FeatureNames.Count];
        var ks = new KolmogorovSmirnovResult[FeatureNames.Count];
        for (var f = 0; f < FeatureNames.Count; f++)
        {
            if (columns[f].Length < Thresholds.MinimumWindow)
            {
                throw new ArgumentException(
                    $"feature '{FeatureNames[f]}' has {columns[f].Length} observed values in the window, fewer than the minimum of {Thresholds.MinimumWindow}", nameof(windowRows));
            }

            psi[f] = PopulationStabilityIndex.Compute(_referenceColumns[f], columns[f]);
            ks[f] = KolmogorovSmirnov.TwoSample(_referenceColumns[f], columns[f]);
        }

        var adjusted = HolmCorrection.Adjust([.. ks.Select(k => k.P)]);
        var features = FeatureNames.Select((name, f) => new FeatureDrift(name, psi[f].Value, psi[f].Band, ks[f].Statistic, ks[f].P, adjusted[f],
            psi[f].Value > Thresholds.PsiAlert && adjusted[f] < Thresholds.KsAlpha)).ToArray();
        var rate = TwoProportionTest.Compute(windowMalignant, windowRows.Count, _referenceMalignant, ReferenceSize);
        var prediction = new PredictionRateDrift(windowMalignant, windowMalignant / (double)windowRows.Count, _referenceMalignant,
            _referenceMalignant / (double)ReferenceSize, rate.Z, rate.P, rate.P < Thresholds.RateAlpha);
        return new DriftReport(windowRows.Count, ReferenceSize, features, prediction, Thresholds);
    }

    private double[][] Columns(IReadOnlyList<double[]> rows, string what, string parameter)
    {
        var columns = Enumerable.Range(0, FeatureNames.Count).Select(_ => new List<double>(rows.Count)).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw new ArgumentException($"{what} {r} is null", parameter);
            if (row.Length != FeatureNames.Count)
            {
                throw new ArgumentException($"{what} {r} has {row.Length} values for {FeatureNames.Count} features", parameter);
            }

            for (var f = 0; f < row.Length; f++)
            {
                if (double.IsInfinity(row[f]))
                {
                    throw new ArgumentException($"{what} {r}, feature '{FeatureNames[f]}', is {row[f]}", parameter);
                }

                if (!double.IsNaN(row[f]))
                {
                    columns[f].Add(row[f]);
                }
            }
        }

        return [.. columns.Select(c => c.ToArray())];
    }

    private int CountCalledMalignant(IReadOnlyList<double> probabilities, int rows, string what, string parameter)
    {
        if (probabilities.Count != rows)
        {
            throw new ArgumentException($"{probabilities.Count} {what} probabilities for {rows} {what} rows", parameter);
        }

        var count = 0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            if (probabilities[i] is not (>= 0 and <= 1))
            {
                throw new ArgumentException($"{what} probability {i} is {probabilities[i]}, not in [0, 1]", parameter);
            }

            count += probabilities[i] >= Threshold ? 1 : 0;
        }

        return count;
    }
}
