using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// SHAP values of a fitted pipeline over the data's features, exact where the model allows. A classifier whose log-odds
/// of malignancy are linear in its inputs (logistic regression, a Platt-calibrated linear SVM) gets linear SHAP; one of
/// ML.NET's tree ensembles (FastTree, LightGBM) gets TreeSHAP; both in log-odds. The random forest
/// (<see cref="BreimanForest"/>), whose probability is the mean of its trees, gets TreeSHAP in probability, the space
/// where that is exact. Any other classifier (the RBF SVM) gets Kernel SHAP of its probability, the RBF SVM's masked
/// outputs computed from per-feature distance differences (<see cref="RbfMaskedModel"/>) instead of masked rows. Every explanation is computed on the inputs the classifier sees and
/// traced back through imputation, standardisation and selection to the data's features: those steps change each
/// feature on its own, so each input's value is its feature's, and masking a feature before or after them is the same.
/// A pipeline whose steps combine features gets Kernel SHAP of the whole pipeline on the data's features.
/// </summary>
public static class ShapExplainer
{
    /// <summary>The explanation of <paramref name="rows"/>: exact (<see cref="Exact"/>) where it can be, Kernel SHAP otherwise.</summary>
    /// <param name="model">The fitted pipeline.</param>
    /// <param name="training">The rows the model was fitted on, in the data's units: the reference of every explanation.</param>
    /// <param name="rows">The rows to explain, in the data's units.</param>
    /// <param name="featureNames">One name per feature of the rows.</param>
    /// <param name="kernel">Options for Kernel SHAP, if it is needed; its defaults otherwise.</param>
    /// <param name="backgroundSize">
    /// For Kernel SHAP, the number of k-means centres summarising the training rows (shap's <c>kmeans</c>), found among
    /// the classifier's inputs (standardised, so that no feature's units dominate) and seeded with the kernel options' seed.
    /// </param>
    /// <exception cref="ArgumentException">No training rows, or the rows, training rows and names disagree in width.</exception>
    public static ShapExplanation Explain(FittedPipeline model, IReadOnlyList<double[]> training, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames,
        KernelShapOptions? kernel = null, int backgroundSize = 50)
    {
        kernel ??= new KernelShapOptions();
        if (Exact(model, training, rows, featureNames) is { } exact)
        {
            return exact;
        }

        if (Inputs(model, training, rows, featureNames) is not { } inputs)
        {
            return KernelShap.Explain(model.PredictProbability, ShapBackground.KMeans(training, backgroundSize, kernel.Seed), rows, featureNames, kernel);
        }

        var explanation = KernelShap.Explain(RbfMaskedModel.Of(model.Classifier), ShapBackground.KMeans(inputs.Training, backgroundSize, kernel.Seed), inputs.Rows, inputs.Names, kernel);
        return ClassifierInputs.ToFeatures(explanation, inputs.Sources, featureNames, rows);
    }

    /// <summary>
    /// The exact explanation in log-odds of malignancy (in probability for the random forest), or null when the model
    /// allows none: linear SHAP (expectations over the training rows) or path-dependent TreeSHAP (covers from the
    /// training rows routed through each tree).
    /// </summary>
    /// <remarks>To explain many calls against the same training rows, prepare an <see cref="ExactShapExplainer"/> once.</remarks>
    /// <exception cref="ArgumentException">No training rows, or the rows, training rows and names disagree in width.</exception>
    public static ShapExplanation? Exact(FittedPipeline model, IReadOnlyList<double[]> training, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        Validate(training, rows, featureNames);
        return ExactShapExplainer.For(model, training, featureNames)?.Explain(rows);
    }

    /// <summary>
    /// The interventional TreeSHAP explanation (<see cref="InterventionalTreeShap"/>) of <paramref name="rows"/> in
    /// log-odds of malignancy (in probability for the random forest), over the data's features, or null when the
    /// classifier is no tree ensemble or a step combines features. A feature left out takes the background rows' values, as in linear SHAP
    /// (against the training rows) and Kernel SHAP, so this is the tree counterpart of those explanations; the base value
    /// is the weighted mean output over the background, and base + Σφ is each row's output.
    /// </summary>
    /// <param name="model">The fitted pipeline.</param>
    /// <param name="background">The reference rows in the data's units, with their weights; passed through the pipeline's steps.</param>
    /// <param name="rows">The rows to explain, in the data's units.</param>
    /// <param name="featureNames">One name per feature of the rows.</param>
    /// <param name="workers">Rows explained in parallel, ≥ 1; the values do not depend on it.</param>
    /// <exception cref="ArgumentException">The rows, background rows and names disagree in width.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    public static ShapExplanation? TreeInterventional(FittedPipeline model, ShapBackground background, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames,
        int workers = 1)
    {
        ArgumentNullException.ThrowIfNull(background);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (background.Width != featureNames.Count)
        {
            throw new ArgumentException($"the background rows have {background.Width} values for {featureNames.Count} feature names", nameof(background));
        }

        if (Inputs(model, background.Rows, rows, featureNames) is not { } inputs || TreeModel.Of(model.Classifier, inputs.Training) is not { } trees)
        {
            return null;
        }

        var explanation = InterventionalTreeShap.Explain(trees.Ensemble, new ShapBackground(inputs.Training, background.Weights), inputs.Rows, inputs.Names, workers);
        return ClassifierInputs.ToFeatures(trees.InOutputSpace(explanation), inputs.Sources, featureNames, rows);
    }

    /// <summary>
    /// The largest gap, over the explained rows, between the probability the explanation adds up to (the logistic of
    /// base value + Σφ in log-odds, the sum itself in probability) and the model's own probability: local accuracy
    /// measured on the scale a clinician reads, where a single-precision model is exact to about 10⁻⁷.
    /// </summary>
    /// <exception cref="ArgumentException">The explanation is of a raw score (margin), which is no probability.</exception>
    public static double ProbabilityGap(ShapExplanation explanation, FittedPipeline model)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(model);
        Func<double, double> probability = explanation.OutputSpace switch
        {
            ShapOutputSpace.LogOdds => z => 1 / (1 + Math.Exp(-z)),
            ShapOutputSpace.Probability => z => z,
            _ => throw new ArgumentException($"an explanation in {explanation.OutputSpace} adds up to a raw score, not a probability", nameof(explanation)),
        };
        var predicted = model.PredictProbability(explanation.FeatureValues);
        return predicted.Select((p, row) => Math.Abs(probability(explanation.Output(row)) - p)).DefaultIfEmpty(0).Max();
    }

    /// <summary>The rows and training rows as the classifier sees them, with each input's feature; null when a step combines features.</summary>
    private static ClassifierView? Inputs(FittedPipeline model, IReadOnlyList<double[]> training, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(model);
        Validate(training, rows, featureNames);
        return ClassifierInputs.Sources(model, featureNames.Count) is { } sources
            ? new ClassifierView(sources, [.. sources.Select(s => featureNames[s])], model.Transform(training), model.Transform(rows))
            : null;
    }

    private static void Validate(IReadOnlyList<double[]> training, IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (training.Count == 0)
        {
            throw new ArgumentException("no training rows: an explanation is relative to them", nameof(training));
        }

        foreach (var (set, name) in new[] { (training, nameof(training)), (rows, nameof(rows)) })
        {
            var bad = set.Select((r, i) => (r, i)).FirstOrDefault(p => p.r.Length != featureNames.Count);
            if (bad.r is not null)
            {
                throw new ArgumentException($"{name} row {bad.i} has {bad.r.Length} values for {featureNames.Count} feature names", name);
            }
        }
    }

    private sealed record ClassifierView(int[] Sources, string[] Names, IReadOnlyList<double[]> Training, IReadOnlyList<double[]> Rows);
}
