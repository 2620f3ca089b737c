namespace BreastCancer.Analysis.Monitoring;

/// <summary>How the p-value of a two-sample Kolmogorov–Smirnov test was found.</summary>
public enum KolmogorovSmirnovMethod
{
    /// <summary>
    /// The exact null distribution of D by counting lattice paths (Hodges 1958), in the form that carries the
    /// probability of leaving the band rather than of staying in it (Viehmann 2021, arXiv:2102.08037); SciPy's
    /// <c>method="exact"</c>. Used when both samples have at most <see cref="KolmogorovSmirnov.ExactLimit"/> rows.
    /// </summary>
    Exact,

    /// <summary>
    /// The Kolmogorov limit distribution of √(n₁n₂/(n₁ + n₂)) · D (Kolmogorov 1933; Smirnov 1948), used when either
    /// sample is larger than <see cref="KolmogorovSmirnov.ExactLimit"/>.
    /// </summary>
    Asymptotic,
}
