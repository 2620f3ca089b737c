using System.Globalization;
using MathNet.Numerics;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Pipeline;

/// <summary>
/// The Yeo–Johnson power transform (Yeo &amp; Johnson, "A new family of power transformations to improve normality or
/// symmetry", Biometrika 87(4), 954–959, 2000) with one λ per feature, fitted by maximum likelihood on the training rows
/// only, as scikit-learn's <c>PowerTransformer(method="yeo-johnson")</c>. For x ≥ 0,
/// ψ(λ, x) = ((x + 1)^λ − 1) / λ, and log(x + 1) at λ = 0; for x &lt; 0, ψ(λ, x) = −((1 − x)^(2 − λ) − 1) / (2 − λ),
/// and −log(1 − x) at λ = 2. λ = 1 is the identity, λ &lt; 1 pulls in a long right tail, λ &gt; 1 a long left one; ψ
/// keeps the sign of x and is increasing in x.
/// <para>
/// λ (dimensionless, any real number) maximises the profile log-likelihood of a normal model for ψ(λ, x)
/// (<see cref="LogLikelihood"/>), found by golden-section search (MathNet's <see cref="GoldenSectionMinimizer"/>)
/// from the bracket [−2, 2], widened until it holds the maximum, as scikit-learn searches with Brent's method from the
/// same bracket. The transform is not scale-free: a feature measured in hundredths (WDBC's concavity_se, 0 to 0.4) is
/// nearly straight under log(1 + x) ≈ x, and bends only under a large negative λ, which the search finds.
/// </para>
/// <para>
/// The step does not standardise: it is scikit-learn's <c>standardize=False</c>. Put a <see cref="Standardizer"/>
/// after it for scikit-learn's default; the two then differ by the factor √(n / (n − 1)) between scikit-learn's
/// population standard deviation and the Standardizer's sample one. Missing cells must be imputed first.
/// </para>
/// </summary>
public sealed class YeoJohnson : IFeatureStep
{
    /// <summary>The ends of the bracket the search starts from, scikit-learn's.</summary>
    private const double BracketLow = -2, BracketHigh = 2;

    /// <summary>The width to which the search pins λ.</summary>
    private const double LambdaTolerance = 1e-9;

    /// <summary>How many times the bracket may widen (by half each time) before the search gives up: to about ±10⁹.</summary>
    private const int MaximumWidenings = 50;

    /// <summary>Below this |λ| (or |2 − λ|) the closed form's logarithm replaces the power, as in scikit-learn.</summary>
    private const double Epsilon = 2.220446049250313e-16;

    /// <inheritdoc />
    public string Name => "Yeo–Johnson";

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// Fewer than 2 rows, rows of different lengths, a value that is not finite (NaN: impute first; ±∞), a feature
    /// constant on the training rows, or a feature whose likelihood has no finite maximum; the message names the
    /// feature (its column, counted from 0) and the row.
    /// </exception>
    public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        if (trainingRows.Count < 2)
        {
            throw new ArgumentException($"the Yeo–Johnson transform needs at least 2 training rows to fit λ, got {trainingRows.Count}", nameof(trainingRows));
        }

        var width = trainingRows[0].Length;
        for (var r = 1; r < trainingRows.Count; r++)
        {
            if (trainingRows[r].Length != width)
            {
                throw new ArgumentException($"training row {r} has {trainingRows[r].Length} features, row 0 has {width}", nameof(trainingRows));
            }
        }

        var lambdas = new double[width];
        for (var f = 0; f < width; f++)
        {
            lambdas[f] = MaximumLikelihoodLambda([.. trainingRows.Select(r => r[f])], $"feature {f}", "training row");
        }

        return new FittedYeoJohnson(lambdas);
    }

    /// <summary>ψ(λ, x): <paramref name="x"/> transformed at <paramref name="lambda"/>, in the units the transform gives.</summary>
    public static double Transform(double x, double lambda) => Psi(SpecialFunctions.Log1p(Math.Abs(x)), x < 0, lambda);

    /// <summary>
    /// The x with ψ(λ, x) = <paramref name="y"/>: for y ≥ 0, ((λy + 1)^(1/λ) − 1), e^y − 1 at λ = 0; for y &lt; 0,
    /// 1 − (1 − (2 − λ)y)^(1/(2 − λ)), 1 − e^(−y) at λ = 2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="y"/> is outside the range of ψ(λ, ·): at λ &lt; 0, ψ stays below −1/λ; at λ &gt; 2, above 1 / (2 − λ).
    /// </exception>
    public static double Inverse(double y, double lambda)
    {
        var negative = y < 0;
        var power = negative ? 2 - lambda : lambda;
        var magnitude = Math.Abs(y);
        if (power < 0 && magnitude >= -1 / power)
        {
            throw new ArgumentOutOfRangeException(nameof(y), y, string.Create(CultureInfo.InvariantCulture,
                $"ψ(λ = {lambda}, x) never reaches {y}: its values lie {(negative ? "above" : "below")} {(negative ? 1 : -1) / power}"));
        }

        var logOnePlus = Math.Abs(power) < Epsilon ? magnitude : SpecialFunctions.Log1p(power * magnitude) / power;
        var x = ExpMinusOne(logOnePlus);
        return negative ? -x : x;
    }

    /// <summary>
    /// The profile log-likelihood of λ for <paramref name="values"/> under a normal model of ψ(λ, x), as scikit-learn's:
    /// −n/2 · log σ²(ψ(λ, x)) + (λ − 1) Σ sign(x) log(|x| + 1), with σ² the population variance (divisor n).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 values, or a value that is not finite.</exception>
    public static double LogLikelihood(IReadOnlyList<double> values, double lambda) => Column.Of(values, "the values", "value").LogLikelihood(lambda);

    /// <summary>The λ that maximises <see cref="LogLikelihood"/> for <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">
    /// Fewer than 2 values, a value that is not finite, all values equal, or a likelihood with no finite maximum.
    /// </exception>
    public static double FitLambda(IReadOnlyList<double> values) => MaximumLikelihoodLambda(values, "the values", "value");

    private static double MaximumLikelihoodLambda(IReadOnlyList<double> values, string what, string item)
    {
        var column = Column.Of(values, what, item);
        var objective = ObjectiveFunction.ScalarValue(lambda =>
        {
            var likelihood = column.LogLikelihood(lambda);
            return double.IsFinite(likelihood)
                ? -likelihood
                : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{what}: the Yeo–Johnson likelihood is not finite at λ = {lambda:G4}, where the search for its maximum went; the values are too spread for a power transform"),
                    nameof(values));
        });
        try
        {
            return GoldenSectionMinimizer.Minimum(objective, BracketLow, BracketHigh, LambdaTolerance, maxExpansionSteps: MaximumWidenings).MinimizingPoint;
        }
        catch (OptimizationException e)
        {
            throw new ArgumentException($"{what}: the Yeo–Johnson likelihood has no maximum within λ = ±10⁹", nameof(values), e);
        }
    }

    /// <summary>
    /// ψ(λ, x) from log(1 + |x|) and the sign of x; where the exponent is below machine precision, ψ is log(1 + |x|) to
    /// that precision.
    /// </summary>
    private static double Psi(double logOnePlusMagnitude, bool negative, double lambda)
    {
        var power = negative ? 2 - lambda : lambda;
        var exponent = power * logOnePlusMagnitude;
        var magnitude = Math.Abs(power) < Epsilon || Math.Abs(exponent) < Epsilon
            ? logOnePlusMagnitude
            : ExpMinusOne(exponent) / power;
        return negative ? -magnitude : magnitude;
    }

    /// <summary>
    /// e^x − 1 to a few units in the last place for every x: directly where |x| ≥ 1/2 (the subtraction then loses at
    /// most 2 bits), else by Kahan's correction (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., 2002,
    /// §1.14.1). MathNet's <c>Expm1</c> stops its series at a relative error near 10⁻⁹, which the inverse would show.
    /// </summary>
    private static double ExpMinusOne(double x)
    {
        var u = Math.Exp(x);
        return Math.Abs(x) >= 0.5 ? u - 1 : u == 1 ? x : (u - 1) * x / Math.Log(u);
    }

    /// <summary>A checked column with log(1 + |x|) and Σ sign(x) log(1 + |x|) computed once for every λ tried.</summary>
    private sealed class Column
    {
        private readonly double[] _logOnePlusMagnitude;
        private readonly bool[] _negative;
        private readonly double _signedLogSum;

        private Column(double[] logOnePlusMagnitude, bool[] negative, double signedLogSum) =>
            (_logOnePlusMagnitude, _negative, _signedLogSum) = (logOnePlusMagnitude, negative, signedLogSum);

        public static Column Of(IReadOnlyList<double> values, string what, string item)
        {
            ArgumentNullException.ThrowIfNull(values);
            if (values.Count < 2)
            {
                throw new ArgumentException($"{what}: the Yeo–Johnson likelihood needs at least 2 values, got {values.Count}", nameof(values));
            }

            for (var i = 0; i < values.Count; i++)
            {
                if (!double.IsFinite(values[i]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"{what}, {item} {i} is {values[i]}: the Yeo–Johnson transform needs finite values (impute missing ones first)"), nameof(values));
                }
            }

            if (values.All(v => v == values[0]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"{what} is constant (all {values.Count} values are {values[0]}): the Yeo–Johnson λ is undefined; leave the feature out"), nameof(values));
            }

            double[] logs = [.. values.Select(v => SpecialFunctions.Log1p(Math.Abs(v)))];
            bool[] negative = [.. values.Select(v => v < 0)];
            return new Column(logs, negative, logs.Select((l, i) => negative[i] ? -l : l).Sum());
        }

        public double LogLikelihood(double lambda)
        {
            var transformed = new double[_logOnePlusMagnitude.Length];
            for (var i = 0; i < transformed.Length; i++)
            {
                transformed[i] = Psi(_logOnePlusMagnitude[i], _negative[i], lambda);
            }

            return -transformed.Length / 2.0 * Math.Log(ArrayStatistics.PopulationVariance(transformed)) + (lambda - 1) * _signedLogSum;
        }
    }

    /// <summary>The λ of each feature, learned from the training rows.</summary>
    /// <param name="Lambdas">Per-feature λ (dimensionless), in the order of the training rows' features.</param>
    public sealed record FittedYeoJohnson(IReadOnlyList<double> Lambdas) : IFittedFeatureStep
    {
        /// <inheritdoc />
        /// <exception cref="ArgumentException">A row has another number of features than the training rows, or a value that is not finite.</exception>
        public double[][] Transform(IReadOnlyList<double[]> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var result = new double[rows.Count][];
            for (var r = 0; r < rows.Count; r++)
            {
                var row = rows[r];
                if (row.Length != Lambdas.Count)
                {
                    throw new ArgumentException($"row {r} has {row.Length} features; the transform was fitted on {Lambdas.Count}", nameof(rows));
                }

                result[r] = new double[row.Length];
                for (var f = 0; f < row.Length; f++)
                {
                    result[r][f] = double.IsFinite(row[f])
                        ? YeoJohnson.Transform(row[f], Lambdas[f])
                        : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"row {r}, feature {f} is {row[f]}: the Yeo–Johnson transform needs finite values (impute missing ones first)"), nameof(rows));
                }
            }

            return result;
        }
    }
}
