namespace BreastCancer.Analysis.Deployment;

/// <summary>A challenger cannot be compared with the champion: the new outcomes of a diagnosis come from too few cases (tumours) to fold them.</summary>
/// <param name="malignant">Cases with a malignant outcome the champion has not been trained on (an outcome without a case is a case).</param>
/// <param name="benign">Cases with a benign outcome likewise.</param>
/// <param name="needed">The fewest of each a comparison needs (<see cref="RetrainCriteria.MinOutcomesPerClass"/>).</param>
public sealed class TooFewOutcomesException(int malignant, int benign, int needed)
    : Exception($"too few outcomes to compare a challenger with the champion: {malignant} malignant and {benign} benign cases among the outcomes the champion was not trained on, but at least {needed} of each are needed")
{
    /// <summary>Cases with a malignant outcome the champion has not been trained on.</summary>
    public int Malignant { get; } = malignant;

    /// <summary>Cases with a benign outcome the champion has not been trained on.</summary>
    public int Benign { get; } = benign;

    /// <summary>The fewest of each a comparison needs.</summary>
    public int Needed { get; } = needed;
}
