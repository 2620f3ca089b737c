namespace BreastCancer.Analysis.Monitoring;

/// <summary>A two-sided two-sample Kolmogorov–Smirnov test.</summary>
/// <param name="Statistic">D = supₓ |F₁(x) − F₂(x)|, the largest gap between the two empirical distribution functions, 0–1.</param>
/// <param name="P">The two-sided p-value P(D ≥ observed) under the hypothesis that both samples come from one continuous distribution, 0–1.</param>
/// <param name="Method">Whether <paramref name="P"/> is exact or asymptotic.</param>
public sealed record KolmogorovSmirnovResult(double Statistic, double P, KolmogorovSmirnovMethod Method);
