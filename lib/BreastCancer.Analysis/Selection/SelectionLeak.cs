using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Selection;

/// <summary>
/// What selecting features on all rows before cross-validating does to the score (Ambroise &amp; McLachlan, PNAS 99
/// (2002) 6562–6566): the same selector, classifier and folds, once with the selector fitted on every row and its
/// choice then fixed for all folds (the leak), once with the selector fitted inside each training fold (honest).
/// </summary>
/// <param name="Selector">The selector's name.</param>
/// <param name="SelectedOutside">CV with the features chosen on all rows.</param>
/// <param name="SelectedInside">CV with the features chosen in each training fold.</param>
/// <param name="ChosenOnAllRows">The columns the selector picks when it sees every row.</param>
public sealed record SelectionLeak(string Selector, CrossValidationResult SelectedOutside, CrossValidationResult SelectedInside, IReadOnlyList<int> ChosenOnAllRows)
{
    /// <summary>Outside minus inside mean accuracy: how much the leak overstates.</summary>
    public double AccuracyOptimism => SelectedOutside.MeanAccuracy - SelectedInside.MeanAccuracy;

    /// <summary>Outside minus inside mean ROC AUC.</summary>
    public double RocAucOptimism => SelectedOutside.MeanRocAuc - SelectedInside.MeanRocAuc;

    /// <summary>Measures both protocols over <paramref name="rows"/> and <paramref name="labels"/> on <paramref name="folds"/>.</summary>
    public static SelectionLeak Measure(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IFeatureSelector selector, IClassifier classifier, IReadOnlyList<Fold> folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var chosen = selector.Fit(rows, labels).Selected;
        var outside = new ClassificationPipeline([new ColumnSelection(chosen, $"{selector.Name}, chosen on all rows"), new Standardizer()], classifier);
        var inside = new ClassificationPipeline([selector, new Standardizer()], classifier);
        return new SelectionLeak(selector.Name, CrossValidation.Run(outside, rows, labels, folds, seed), CrossValidation.Run(inside, rows, labels, folds, seed), chosen);
    }

    /// <summary>
    /// A control with no signal at all: <paramref name="rows"/> × <paramref name="features"/> standard-normal values and
    /// labels drawn at random with the given share of malignant rows. Any accuracy above the majority share is a leak.
    /// </summary>
    public static (double[][] Rows, bool[] Labels) NoiseControl(int rows, int features, double malignantShare, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, features).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1)).ToArray()).ToArray();
        var labels = Enumerable.Range(0, rows).Select(_ => random.NextDouble() < malignantShare).ToArray();
        return (x, labels);
    }
}
