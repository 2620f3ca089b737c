namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A classifier whose probability is <see cref="PlattScaling.Probability"/> of the decision score of the classifier
/// inside it (a Platt-calibrated <see cref="FittedCalibratedClassifier"/>).
/// </summary>
/// <param name="Inner">The form of the classifier whose decision score is calibrated.</param>
/// <param name="Platt">The fitted slope and offset.</param>
public sealed record PlattForm(ClassifierForm Inner, PlattScaling Platt) : ClassifierForm
{
    /// <inheritdoc />
    public override TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitPlatt(this);
    }
}
