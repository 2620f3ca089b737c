namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The baseline every model must beat: it ignores the measurements and gives every row the training share of malignant
/// rows as its probability (scikit-learn's <c>DummyClassifier(strategy="prior")</c>), so at threshold 0.5 it predicts the
/// majority class, and its ROC AUC is 0.5.
/// </summary>
public sealed class MajorityClass : IClassifier
{
    /// <inheritdoc />
    public string Name => "majority class (baseline)";

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new Fitted(labels.Count(l => l) / (double)labels.Count);
    }

    /// <summary>The fitted baseline: <paramref name="Share"/>, the training share of malignant rows, for every row.</summary>
    internal sealed record Fitted(double Share) : IFittedClassifier
    {
        /// <inheritdoc />
        public double[] PredictProbability(IReadOnlyList<double[]> rows) => [.. rows.Select(_ => Share)];

        /// <inheritdoc />
        public ClassifierForm Form => new ConstantForm(Share);
    }
}
