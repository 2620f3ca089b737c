using BreastCancer.Analysis.Modeling;
using Microsoft.ML.Trainers.FastTree;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted classifier seen as a tree ensemble: the ensemble's output s (ML.NET's <c>Score</c>) and the affine map from it
/// to the classifier's log-odds of malignancy, ln(p / (1 − p)) = <see cref="LogOddsSlope"/>·s + <see cref="LogOddsIntercept"/>.
/// SHAP values of s in <see cref="ShapOutputSpace.Margin"/> become exact log-odds values through
/// <see cref="ShapExplanation.Rescaled"/> with this slope and intercept.
/// </summary>
/// <param name="Ensemble">The trees, with covers from the background rows.</param>
/// <param name="LogOddsSlope">a in logit p = a·s + b.</param>
/// <param name="LogOddsIntercept">b in logit p = a·s + b.</param>
public sealed record TreeModel(TreeEnsemble Ensemble, double LogOddsSlope, double LogOddsIntercept)
{
    /// <summary>The classifier's log-odds of malignancy for <paramref name="row"/>: a·s(row) + b.</summary>
    public double LogOdds(double[] row) => LogOddsSlope * Ensemble.Output(row) + LogOddsIntercept;

    /// <summary>
    /// The tree ensemble inside <paramref name="classifier"/>, or null when it is not one: an ML.NET tree model (FastForest
    /// votes, FastTree, LightGBM) alone or Platt-calibrated, with the map from its score to log-odds that
    /// <see cref="LogOddsScore"/> reads from its form.
    /// </summary>
    /// <param name="classifier">The fitted classifier.</param>
    /// <param name="coverRows">The background rows as the classifier sees them (the training rows after the pipeline's steps).</param>
    /// <exception cref="ArgumentException">There are no cover rows, or they differ in width or are too narrow for the trees.</exception>
    /// <exception cref="NotSupportedException">The trees have categorical splits.</exception>
    public static TreeModel? Of(IFittedClassifier classifier, IReadOnlyList<double[]> coverRows)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(coverRows);
        return LogOddsScore.Of(classifier) is { Parameters: TreeEnsembleModelParameters trees } score
            ? new TreeModel(MlNetTreeEnsemble.Read(trees, coverRows), score.Slope, score.Intercept)
            : null;
    }
}
