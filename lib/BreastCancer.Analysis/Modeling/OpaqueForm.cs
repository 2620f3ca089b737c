namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A classifier known only by its own <see cref="IFittedClassifier.PredictProbability"/> and
/// <see cref="IFittedClassifier.DecisionScore"/> (an isotonic calibration, a classifier of another library): it is
/// scored by calling it, explained by Kernel SHAP and not saved. The form of every classifier that names no other.
/// </summary>
/// <param name="Classifier">The classifier.</param>
/// <param name="Description">What the classifier is, for messages (such as why it cannot be saved).</param>
public sealed record OpaqueForm(IFittedClassifier Classifier, string Description) : ClassifierForm
{
    /// <summary>The form of <paramref name="classifier"/>, described by its class's name.</summary>
    public OpaqueForm(IFittedClassifier classifier)
        : this(classifier, (classifier ?? throw new ArgumentNullException(nameof(classifier))).GetType().Name)
    {
    }

    /// <inheritdoc />
    public override TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitOpaque(this);
    }
}
