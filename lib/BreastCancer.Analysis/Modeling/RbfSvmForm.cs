namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The exact RBF support vector machine: f(x) = Σ αᵢyᵢ exp(−γ‖xᵢ − x‖²) − ρ over its support vectors, the probability
/// the logistic of f (<see cref="FittedKernelSvm"/>).
/// </summary>
/// <param name="Machine">The fitted machine: its support vectors, coefficients, ρ and γ.</param>
public sealed record RbfSvmForm(FittedKernelSvm Machine) : ClassifierForm
{
    /// <inheritdoc />
    public override TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitRbfSvm(this);
    }
}
