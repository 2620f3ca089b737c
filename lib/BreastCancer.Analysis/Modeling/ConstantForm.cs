namespace BreastCancer.Analysis.Modeling;

/// <summary>A classifier that gives every row the same probability (<see cref="MajorityClass"/>'s training share).</summary>
/// <param name="Probability">The probability, 0–1.</param>
public sealed record ConstantForm(double Probability) : ClassifierForm
{
    /// <inheritdoc />
    public override TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitConstant(this);
    }
}
