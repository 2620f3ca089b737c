namespace BreastCancer.Analysis.Deployment;

/// <summary>A challenger cannot be compared with the champion: there are too few new outcomes of a diagnosis to fold them.</summary>
/// <param name="malignant">Malignant outcomes the champion has not been trained on.</param>
/// <param name="benign">Benign outcomes likewise.</param>
/// <param name="needed">The fewest of each a comparison needs (<see cref="RetrainCriteria.MinOutcomesPerClass"/>).</param>
public sealed class TooFewOutcomesException(int malignant, int benign, int needed)
    : Exception($"too few outcomes to compare a challenger with the champion: {malignant} malignant and {benign} benign outcomes the champion was not trained on, but at least {needed} of each are needed")
{
    /// <summary>Malignant outcomes the champion has not been trained on.</summary>
    public int Malignant { get; } = malignant;

    /// <summary>Benign outcomes the champion has not been trained on.</summary>
    public int Benign { get; } = benign;

    /// <summary>The fewest of each a comparison needs.</summary>
    public int Needed { get; } = needed;
}
