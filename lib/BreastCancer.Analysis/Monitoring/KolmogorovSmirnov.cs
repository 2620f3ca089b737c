using System.Collections.Concurrent;

namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// The two-sample Kolmogorov–Smirnov test, two-sided, as SciPy 1.10's <c>scipy.stats.ks_2samp(a, b, method="auto")</c>
/// computes it: D from the empirical distribution functions (ties handled by counting values ≤ x in each sample); an
/// exact p-value when both samples have at most <see cref="ExactLimit"/> values (then D is reported as h / lcm(n₁, n₂),
/// the lattice step it rounds to, as SciPy does); otherwise the asymptotic Kolmogorov distribution. The exact p-value
/// assumes continuous data: with ties it is conservative (too large), as in SciPy.
/// </summary>
public static class KolmogorovSmirnov
{
    /// <summary>The largest sample size, in rows, for which the exact p-value is computed: SciPy's <c>MAX_AUTO_N</c>, 10 000.</summary>
    public const int ExactLimit = 10_000;

    /// <summary>
    /// The most exact p-values kept: 65 536 (a few MB). <see cref="ExactP"/> depends on h, m and n alone, and a drift
    /// monitor tests windows of the same sizes against the same reference again and again, where each new window
    /// mostly repeats the lattice distances h of earlier ones; the store starts over when full.
    /// </summary>
    private const int KeptPValues = 1 << 16;

    private static readonly ConcurrentDictionary<(long H, int M, int N), double> PValues = new();

    /// <summary>
    /// The test of whether <paramref name="a"/> and <paramref name="b"/> come from the same continuous distribution.
    /// Values are in any unit, the same for both samples; NaN is refused.
    /// </summary>
    /// <exception cref="ArgumentException">A sample is empty or holds NaN.</exception>
    public static KolmogorovSmirnovResult TwoSample(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var first = Sorted(a, nameof(a));
        var second = Sorted(b, nameof(b));
        var d = Statistic(first, second);
        var method = MethodFor(first.Length, second.Length);
        if (method == KolmogorovSmirnovMethod.Asymptotic)
        {
            return new KolmogorovSmirnovResult(d, AsymptoticP(d, first.Length, second.Length), method);
        }

        var (m, n) = (first.Length, second.Length);
        var lcm = (long)m / Gcd(m, n) * n;
        var h = (long)Math.Round(d * lcm);
        return new KolmogorovSmirnovResult(h / (double)lcm, KeptExactP(h, m, n), method);
    }

    /// <summary>The method <see cref="TwoSample"/> uses for samples of <paramref name="n1"/> and <paramref name="n2"/> rows: exact when both are at most <see cref="ExactLimit"/>.</summary>
    public static KolmogorovSmirnovMethod MethodFor(int n1, int n2) =>
        Math.Max(n1, n2) <= ExactLimit ? KolmogorovSmirnovMethod.Exact : KolmogorovSmirnovMethod.Asymptotic;

    /// <summary>
    /// The survival function of the Kolmogorov distribution, Q(λ) = P(K &gt; λ) = 2 Σₖ₌₁^∞ (−1)^(k−1) e^(−2k²λ²)
    /// (Kolmogorov 1933), the limit of P(√n · Dₙ &gt; λ); below λ = 1 from the equivalent theta-function form
    /// 1 − (√(2π)/λ) Σₖ₌₁^∞ e^(−(2k−1)²π²/(8λ²)), which converges fast there. SciPy's <c>kstwobign.sf(λ)</c>.
    /// </summary>
    /// <param name="lambda">λ ≥ 0 (values ≤ 0 give 1).</param>
    public static double KolmogorovSurvival(double lambda)
    {
        if (double.IsNaN(lambda))
        {
            throw new ArgumentException("λ is NaN", nameof(lambda));
        }

        if (lambda <= 0)
        {
            return 1;
        }

        if (lambda < 1)
        {
            var cdf = 0.0;
            for (var k = 1; ; k++)
            {
                var term = Math.Exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * lambda * lambda));
                cdf += term;
                if (term < 1e-17 * cdf)
                {
                    break;
                }
            }

            return Math.Clamp(1 - Math.Sqrt(2 * Math.PI) / lambda * cdf, 0, 1);
        }

        var sf = 0.0;
        for (var k = 1; k < 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * lambda * lambda);
            sf += k % 2 == 1 ? term : -term;
            if (term < 1e-17 * sf)
            {
                break;
            }
        }

        return Math.Clamp(2 * sf, 0, 1);
    }

    /// <summary>
    /// The asymptotic p-value Q(√(n₁n₂/(n₁ + n₂)) · D) by <see cref="KolmogorovSurvival"/>. SciPy 1.10's
    /// <c>method="asymp"</c> instead evaluates the one-sample finite-n distribution <c>kstwo.sf(D, round(n₁n₂/(n₁ + n₂)))</c>,
    /// which differs from the limit by O(1/√n): about 2 % of the p-value at n₁n₂/(n₁ + n₂) ≈ 5 000.
    /// </summary>
    internal static double AsymptoticP(double d, int n1, int n2)
    {
        var effective = (double)n1 * n2 / ((double)n1 + n2);
        return KolmogorovSurvival(Math.Sqrt(effective) * d);
    }

    /// <summary>
    /// P(D ≥ h / lcm(m, n)) for samples of m and n rows: the share of the C(m + n, m) monotone lattice paths from
    /// (0, 0) to (m, n) that touch |x/m − y/n| ≥ h / lcm(m, n) (Hodges 1958). The recursion carries that share itself,
    /// v(x, y) = (x · v(x − 1, y) + y · v(x, y − 1)) / (x + y) inside the band and 1 outside it (Viehmann 2021), so
    /// every value is a convex combination in [0, 1] and nothing overflows. Only the band is computed, row by row (the
    /// cells of a row x inside it are y with |n/g · x − m/g · y| &lt; h), the rest being 1: O((m + n) · h / lcm(m, n) · n)
    /// steps instead of O(m · n), the same values.
    /// </summary>
    internal static double ExactP(long h, int m, int n)
    {
        if (h <= 0)
        {
            return 1;
        }

        var g = Gcd(m, n);
        var (mg, ng) = ((long)m / g, (long)n / g);
        var v = new double[n + 1];
        Array.Fill(v, 1.0);
        v[0] = 0;
        for (var x = 0; x <= m; x++)
        {
            var low = (int)Math.Max(0, FloorDivide(ng * x - h, mg) + 1);
            var high = (int)Math.Min(n, -FloorDivide(-(ng * x + h), mg) - 1);
            for (var y = low; y <= high; y++)
            {
                if (x + y > 0)
                {
                    v[y] = (x * v[y] + (y > low ? y * v[y - 1] : y > 0 ? y : 0)) / (x + y);
                }
            }
        }

        return Math.Clamp(v[n], 0, 1);
    }

    /// <summary><see cref="ExactP"/>, computed once for each h, m and n while at most <see cref="KeptPValues"/> are kept.</summary>
    private static double KeptExactP(long h, int m, int n)
    {
        if (PValues.TryGetValue((h, m, n), out var kept))
        {
            return kept;
        }

        var p = ExactP(h, m, n);
        if (PValues.Count >= KeptPValues)
        {
            PValues.Clear();
        }

        PValues[(h, m, n)] = p;
        return p;
    }

    private static long FloorDivide(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static double Statistic(double[] first, double[] second)
    {
        var (i, j, d) = (0, 0, 0.0);
        while (i < first.Length && j < second.Length)
        {
            var x = Math.Min(first[i], second[j]);
            while (i < first.Length && first[i] <= x)
            {
                i++;
            }

            while (j < second.Length && second[j] <= x)
            {
                j++;
            }

            d = Math.Max(d, Math.Abs(i / (double)first.Length - j / (double)second.Length));
        }

        return d;
    }

    private static double[] Sorted(IReadOnlyList<double> sample, string name)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("the sample is empty", name);
        }

        var values = sample.ToArray();
        var nan = Array.FindIndex(values, double.IsNaN);
        if (nan >= 0)
        {
            throw new ArgumentException($"value {nan} of the sample is NaN: drop missing values first", name);
        }

        Array.Sort(values);
        return values;
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
