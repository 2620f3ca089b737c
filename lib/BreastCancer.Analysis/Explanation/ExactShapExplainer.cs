using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// The exact SHAP explanation of one fitted pipeline against its training rows, prepared once for many calls (a server
/// explaining each request): what depends only on the model and the training rows (the classifier inputs traced to the
/// data's features, the inputs' training means for linear SHAP, the ensemble's covers for TreeSHAP) is computed by
/// <see cref="For"/>, so that <see cref="Explain"/> transforms and explains only its rows. It gives exactly what
/// <see cref="ShapExplainer.Exact"/> gives, which is this explainer used once.
/// </summary>
public sealed class ExactShapExplainer
{
    private readonly FittedPipeline _model;
    private readonly int[] _sources;
    private readonly string[] _inputNames;
    private readonly IReadOnlyList<string> _featureNames;
    private readonly LogOddsLinearModel? _linear;
    private readonly double[] _means;
    private readonly TreeModel? _trees;

    private ExactShapExplainer(FittedPipeline model, int[] sources, IReadOnlyList<string> featureNames, LogOddsLinearModel? linear, double[] means, TreeModel? trees)
    {
        (_model, _sources, _featureNames, _linear, _means, _trees) = (model, sources, featureNames, linear, means, trees);
        _inputNames = [.. sources.Select(s => featureNames[s])];
    }

    /// <summary>
    /// The explainer of <paramref name="model"/> against <paramref name="training"/> (the rows it was fitted on, in the
    /// data's units), or null when the model allows no exact explanation: a classifier whose log-odds are neither linear
    /// nor a tree ensemble's, or a step that combines features.
    /// </summary>
    /// <exception cref="ArgumentException">No training rows, or the training rows and names disagree in width.</exception>
    public static ExactShapExplainer? For(FittedPipeline model, IReadOnlyList<double[]> training, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (training.Count == 0)
        {
            throw new ArgumentException("no training rows: an explanation is relative to them", nameof(training));
        }

        RequireWidth(training, featureNames.Count, nameof(training));
        if (ClassifierInputs.Sources(model, featureNames.Count) is not { } sources)
        {
            return null;
        }

        var inputs = model.Transform(training);
        if (LogOddsLinearModel.Of(model.Classifier) is { } linear)
        {
            return new ExactShapExplainer(model, sources, featureNames, linear, LinearShap.Means(inputs, linear.Weights.Length), null);
        }

        return TreeModel.Of(model.Classifier, inputs) is { } trees ? new ExactShapExplainer(model, sources, featureNames, null, [], trees) : null;
    }

    /// <summary>What <see cref="Explain"/>'s values are in: log-odds of malignancy, or probability for the random forest (<see cref="TreeModel"/>).</summary>
    public ShapOutputSpace OutputSpace => _linear is not null ? ShapOutputSpace.LogOdds : _trees!.OutputSpace;

    /// <summary>
    /// The explanation of <paramref name="rows"/> (in the data's units) over the data's features, in
    /// <see cref="OutputSpace"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A row does not have one value per feature name.</exception>
    public ShapExplanation Explain(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        RequireWidth(rows, _featureNames.Count, nameof(rows));
        var inputs = _model.Transform(rows);
        var explanation = _linear is { } linear
            ? LinearShap.AtMeans(linear.Weights, linear.Intercept, _means, inputs, _inputNames, ShapOutputSpace.LogOdds)
            : _trees!.InOutputSpace(TreeShap.Explain(_trees.Ensemble, inputs, _inputNames));
        return ClassifierInputs.ToFeatures(explanation, _sources, _featureNames, rows);
    }

    private static void RequireWidth(IReadOnlyList<double[]> rows, int width, string name)
    {
        var bad = rows.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Length != width);
        if (bad.r is not null)
        {
            throw new ArgumentException($"{name} row {bad.i} has {bad.r.Length} values for {width} feature names", name);
        }
    }
}
