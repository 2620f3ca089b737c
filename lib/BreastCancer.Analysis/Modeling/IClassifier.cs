namespace BreastCancer.Analysis.Modeling;

/// <summary>A learning algorithm for the diagnosis: fitted on training rows, it gives each row a probability of malignancy.</summary>
public interface IClassifier
{
    /// <summary>A short name for tables and charts.</summary>
    string Name { get; }

    /// <summary>Fits on the rows (complete, already transformed) and labels (true = malignant) with the given seed.</summary>
    IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed);
}

/// <summary>A fitted classifier.</summary>
public interface IFittedClassifier
{
    /// <summary>The probability that each row is malignant, 0–1.</summary>
    double[] PredictProbability(IReadOnlyList<double[]> rows);

    /// <summary>
    /// A real score ordered like the probability, on the scale a calibrator works on: by default the logit of
    /// <see cref="PredictProbability"/> (clipped at 10⁻¹⁵); models whose output is a margin (SVMs, forests' votes)
    /// return it unsquashed, so that confident rows keep their order.
    /// </summary>
    double[] DecisionScore(IReadOnlyList<double[]> rows) =>
        [.. PredictProbability(rows).Select(p => Math.Clamp(p, 1e-15, 1 - 1e-15)).Select(p => Math.Log(p / (1 - p)))];

    /// <summary>
    /// The probability of each training row from a model that did not see that row, in the order of the training rows,
    /// when fitting produced them anyway (a <see cref="CalibratedClassifier"/>'s internal cross-validation); null
    /// otherwise. A threshold search inside the training rows can use them instead of cross-validating again.
    /// </summary>
    IReadOnlyList<double>? OutOfFoldProbabilities => null;

    /// <summary>
    /// How the classifier computes its probability (<see cref="ClassifierForm"/>), the one thing the code that scores it
    /// fast, saves it and explains it reads; by default <see cref="OpaqueForm"/>: scored by calling it, explained by
    /// Kernel SHAP, not saved.
    /// </summary>
    ClassifierForm Form => new OpaqueForm(this);
}
