using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// Feature steps (imputation, scaling, …) followed by a classifier, fitted as one on training rows only: each step is
/// fitted on the training rows as the previous steps left them, and the held-out rows only ever pass through fitted
/// steps. This is what keeps imputation and scaling inside the cross-validation folds.
/// </summary>
/// <param name="Steps">The feature steps, in order.</param>
/// <param name="Classifier">The classifier at the end.</param>
public sealed record ClassificationPipeline(IReadOnlyList<IFeatureStep> Steps, IClassifier Classifier)
{
    /// <summary>A name to show instead of the steps (a catalogue model shows its own name); null for the steps.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The pipeline's name: <see cref="DisplayName"/>, or its steps and classifier joined by arrows.</summary>
    public string Name => DisplayName ?? string.Join(" → ", Steps.Select(s => s.Name).Append(Classifier.Name));

    /// <summary>
    /// Fits every step, then the classifier, on the training rows. <paramref name="groups"/> (one per row; null: every
    /// row alone) reaches a classifier that cross-validates its rows (<see cref="IGroupAwareClassifier"/>).
    /// </summary>
    public FittedPipeline Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed, IReadOnlyList<string?>? groups = null)
    {
        var (fitted, current) = FitSteps(rows, labels);
        return new FittedPipeline(fitted, Classifier is IGroupAwareClassifier aware ? aware.Fit(current, labels, seed, groups) : Classifier.Fit(current, labels, seed));
    }

    /// <summary>Fits the feature steps alone, each on the training rows as the previous steps left them.</summary>
    /// <returns>The fitted steps and the training rows after the last of them.</returns>
    internal (IReadOnlyList<IFittedFeatureStep> Steps, IReadOnlyList<double[]> Rows) FitSteps(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fitted = new List<IFittedFeatureStep>();
        var current = rows;
        foreach (var step in Steps)
        {
            var fit = step.Fit(current, labels);
            fitted.Add(fit);
            current = fit.Transform(current);
        }

        return (fitted, current);
    }
}

/// <summary>A fitted pipeline: the fitted steps and classifier.</summary>
/// <param name="Steps">The fitted feature steps, in order.</param>
/// <param name="Classifier">The fitted classifier.</param>
public sealed record FittedPipeline(IReadOnlyList<IFittedFeatureStep> Steps, IFittedClassifier Classifier)
{
    /// <summary>The probability of malignancy of each row, after every fitted step.</summary>
    public double[] PredictProbability(IReadOnlyList<double[]> rows) => Classifier.PredictProbability(Transform(rows));

    /// <summary>The rows as the classifier sees them: passed through every fitted step.</summary>
    public IReadOnlyList<double[]> Transform(IReadOnlyList<double[]> rows)
    {
        var current = rows;
        foreach (var step in Steps)
        {
            current = step.Transform(current);
        }

        return current;
    }
}
