namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The exact soft-margin support vector machine with the Gaussian (RBF) kernel K(x, x′) = exp(−γ‖x − x′‖²), solved
/// in the dual by SMO as LIBSVM and scikit-learn's <c>SVC</c> solve it (Fan, Chen &amp; Lin 2005). Its decision value
/// f(x) = Σ αᵢyᵢK(xᵢ, x) − ρ is a margin, not a probability: <see cref="IFittedClassifier.PredictProbability"/> gives
/// the logistic 1 / (1 + e^(−f)), which ranks rows correctly but is not calibrated; wrap the SVM in a
/// <see cref="CalibratedClassifier"/> for probabilities.
/// </summary>
/// <param name="c">The penalty C &gt; 0 on margin violations (scikit-learn's default 1).</param>
/// <param name="gamma">The kernel width γ &gt; 0; null for scikit-learn's <c>"scale"</c>, 1 / (features × variance of all training values).</param>
/// <param name="tolerance">The stopping tolerance on the KKT violation (LIBSVM's default 10⁻³).</param>
public sealed class KernelSvm(double c = 1, double? gamma = null, double tolerance = 1e-3) : IClassifier
{
    /// <summary>The penalty C.</summary>
    public double C { get; } = c > 0 ? c : throw new ArgumentOutOfRangeException(nameof(c), c, "C must be positive");

    /// <summary>The kernel width γ, or null for scikit-learn's "scale".</summary>
    public double? Gamma { get; } = gamma is null or > 0 ? gamma : throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be positive");

    /// <inheritdoc />
    public string Name => $"RBF SVM (C = {C:G4}, γ = {(Gamma is { } g ? g.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : "scale")})";

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed) => FitSvm(rows, labels);

    /// <summary>Fits the machine (the solver is deterministic, so no seed is needed).</summary>
    public FittedKernelSvm FitSvm(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count != labels.Count || rows.Count == 0)
        {
            throw new ArgumentException($"{rows.Count} rows for {labels.Count} labels", nameof(labels));
        }

        if (labels.All(l => l) || labels.All(l => !l))
        {
            throw new ArgumentException("an SVM needs both classes among its training rows", nameof(labels));
        }

        var gamma = Gamma ?? ScaleGamma(rows);
        var n = rows.Count;
        var y = labels.Select(l => (sbyte)(l ? 1 : -1)).ToArray();
        var (alpha, rho, _) = SmoSolver.Solve(new KernelRows(DistanceCache.Current?.For(rows) ?? new PairwiseDistances([.. rows]), gamma), y, C, tolerance, maxIterations: 100 * n + 100_000);
        var support = Enumerable.Range(0, n).Where(i => alpha[i] > 0).ToArray();
        return new FittedKernelSvm([.. support.Select(i => (double[])rows[i].Clone())], [.. support.Select(i => alpha[i] * y[i])], rho, gamma);
    }

    private static double ScaleGamma(IReadOnlyList<double[]> rows)
    {
        var values = rows.SelectMany(r => r).ToArray();
        var mean = values.Average();
        var variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return variance > 0 ? 1 / (rows[0].Length * variance) : 1;
    }
}

/// <summary>A fitted RBF-kernel SVM: its support vectors, their coefficients αᵢyᵢ, the offset ρ and the kernel width.</summary>
/// <param name="SupportVectors">The training rows with αᵢ &gt; 0.</param>
/// <param name="DualCoefficients">αᵢyᵢ of each support vector (scikit-learn's <c>dual_coef_</c>, with malignant as +1).</param>
/// <param name="Rho">The offset ρ (scikit-learn's <c>-intercept_</c>).</param>
/// <param name="Gamma">The kernel width γ used.</param>
public sealed record FittedKernelSvm(IReadOnlyList<double[]> SupportVectors, IReadOnlyList<double> DualCoefficients, double Rho, double Gamma) : IFittedClassifier
{
    /// <summary>
    /// The decision value f(x) = Σ αᵢyᵢK(xᵢ, x) − ρ of each row; positive means malignant, computed by
    /// <see cref="RbfKernelSum"/>, which sums the squared distances to several support vectors at once: explaining a
    /// model by Kernel SHAP evaluates it on millions of rows.
    /// </summary>
    public double[] DecisionFunction(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sum = new RbfKernelSum(SupportVectors, DualCoefficients, Gamma, Rho);
        var scratch = new double[sum.ScratchLength];
        var values = new double[rows.Count];
        for (var r = 0; r < values.Length; r++)
        {
            values[r] = sum.Decision(rows[r], scratch);
        }

        return values;
    }

    /// <summary>The logistic of the decision value: ordered like the margin, not calibrated.</summary>
    public double[] PredictProbability(IReadOnlyList<double[]> rows) => Logistic(DecisionFunction(rows));

    /// <summary>The logistic 1 / (1 + e^(−f)) of each decision value f: the probability <see cref="PredictProbability"/> gives.</summary>
    internal static double[] Logistic(IReadOnlyList<double> decisions) => [.. decisions.Select(f => 1 / (1 + Math.Exp(-f)))];

    /// <summary>The decision value itself.</summary>
    public double[] DecisionScore(IReadOnlyList<double[]> rows) => DecisionFunction(rows);

    /// <inheritdoc />
    public ClassifierForm Form => new RbfSvmForm(this);
}
