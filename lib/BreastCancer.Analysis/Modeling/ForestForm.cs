namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A <see cref="BreimanForest"/>: its probability is the mean over its trees of the malignant share of the leaf each
/// tree sends the row to, so it is scored by routing the row through every tree, saved as its trees, and explained by
/// TreeSHAP of each tree averaged, which is exact in probability.
/// </summary>
/// <param name="Forest">The fitted forest.</param>
public sealed record ForestForm(BreimanForest Forest) : ClassifierForm
{
    /// <inheritdoc />
    public override TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitForest(this);
    }
}
