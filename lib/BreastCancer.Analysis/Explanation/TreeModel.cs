using BreastCancer.Analysis.Modeling;
using Microsoft.ML.Trainers.FastTree;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted classifier seen as a tree ensemble: the ensemble's output s and the affine map a·s + b from it to the
/// classifier's output in <see cref="OutputSpace"/>. For an ML.NET tree model s is ML.NET's <c>Score</c> and the map
/// gives the log-odds of malignancy, ln(p / (1 − p)); for the random forest (<see cref="BreimanForest"/>) s is the mean
/// of the trees' leaf shares, which is the probability itself (a = 1, b = 0). SHAP values of s in
/// <see cref="ShapOutputSpace.Margin"/> become exact values in <see cref="OutputSpace"/> through
/// <see cref="ShapExplanation.Rescaled"/> with this slope and intercept.
/// </summary>
/// <param name="Ensemble">The trees, with covers from the background rows.</param>
/// <param name="Slope">a in output = a·s + b.</param>
/// <param name="Intercept">b in output = a·s + b.</param>
/// <param name="OutputSpace">The classifier's output the map gives: log-odds, or the probability for the random forest.</param>
public sealed record TreeModel(TreeEnsemble Ensemble, double Slope, double Intercept, ShapOutputSpace OutputSpace)
{
    /// <summary>The classifier's output for <paramref name="row"/> in <see cref="OutputSpace"/>: a·s(row) + b.</summary>
    public double Output(double[] row) => Slope * Ensemble.Output(row) + Intercept;

    /// <summary>The SHAP values of the ensemble's output rescaled to the classifier's output in <see cref="OutputSpace"/>.</summary>
    public ShapExplanation InOutputSpace(ShapExplanation ensembleValues)
    {
        ArgumentNullException.ThrowIfNull(ensembleValues);
        return ensembleValues.Rescaled(Slope, Intercept, OutputSpace);
    }

    /// <summary>
    /// The tree ensemble inside <paramref name="classifier"/>, or null when it is not one: the random forest, in
    /// probability; an ML.NET tree model (FastTree, LightGBM) alone or Platt-calibrated, in log-odds,
    /// with the map from its score that <see cref="LogOddsScore"/> reads from its form.
    /// </summary>
    /// <param name="classifier">The fitted classifier.</param>
    /// <param name="coverRows">The background rows as the classifier sees them (the training rows after the pipeline's steps).</param>
    /// <exception cref="ArgumentException">There are no cover rows, or they differ in width or are too narrow for the trees.</exception>
    /// <exception cref="NotSupportedException">The trees have categorical splits.</exception>
    public static TreeModel? Of(IFittedClassifier classifier, IReadOnlyList<double[]> coverRows)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(coverRows);
        if (classifier.Form.Accept(ForestOf.Instance) is { } forest)
        {
            return new TreeModel(ForestTreeEnsemble.Read(forest, coverRows), 1, 0, ShapOutputSpace.Probability);
        }

        return LogOddsScore.Of(classifier) is { Parameters: TreeEnsembleModelParameters trees } score
            ? new TreeModel(MlNetTreeEnsemble.Read(trees, coverRows), score.Slope, score.Intercept, ShapOutputSpace.LogOdds)
            : null;
    }

    /// <summary>The forest of a <see cref="ForestForm"/>; null for every other form (a calibrated forest's log-odds are no mean of trees).</summary>
    private sealed class ForestOf : IClassifierFormVisitor<BreimanForest?>
    {
        public static readonly ForestOf Instance = new();

        public BreimanForest? VisitForest(ForestForm form) => form?.Forest;

        public BreimanForest? VisitConstant(ConstantForm form) => null;

        public BreimanForest? VisitRbfSvm(RbfSvmForm form) => null;

        public BreimanForest? VisitMlNet(MlNetForm form) => null;

        public BreimanForest? VisitPlatt(PlattForm form) => null;

        public BreimanForest? VisitOpaque(OpaqueForm form) => null;
    }
}
