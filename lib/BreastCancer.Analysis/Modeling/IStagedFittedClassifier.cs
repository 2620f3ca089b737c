namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A fitted classifier built in stages (trees), where stage k does not depend on how many stages follow it: the
/// first n stages of a model fitted with N ≥ n stages are the model fitted with n stages from the same rows and seed
/// (a random forest whose trees draw their seeds in order; gradient boosting without subsampling). A search scores
/// every stage count of a setting from one fit at the largest (<see cref="CatalogueModel.Staged"/>).
/// </summary>
public interface IStagedFittedClassifier : IFittedClassifier
{
    /// <summary>The number of stages fitted, ≥ 1.</summary>
    int Stages { get; }

    /// <summary>
    /// The probability that each row is malignant, 0–1, from the first <paramref name="stages"/> stages alone: at
    /// <see cref="Stages"/>, exactly <see cref="IFittedClassifier.PredictProbability"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stages"/> is below 1 or above <see cref="Stages"/>.</exception>
    double[] PredictProbability(IReadOnlyList<double[]> rows, int stages);
}
