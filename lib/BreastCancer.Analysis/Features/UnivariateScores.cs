using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Features;

/// <summary>Scores of each feature against the diagnosis, one feature at a time, as scikit-learn's filters compute them.</summary>
public static class UnivariateScores
{
    private static readonly bool[] Classes = [true, false];

    /// <summary>
    /// The one-way ANOVA F statistic of each feature between the two classes and its p-value (F distribution with 1 and
    /// n − 2 degrees of freedom): between-class mean square over within-class mean square. Equals scikit-learn's <c>f_classif</c>.
    /// </summary>
    public static (double[] F, double[] P) AnovaF(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var features = rows[0].Length;
        var (f, p) = (new double[features], new double[features]);
        var n = rows.Count;
        var members = Classes.Select(c => Enumerable.Range(0, n).Where(i => labels[i] == c).ToArray()).Where(m => m.Length > 0).ToArray();
        var column = new double[n];
        var groups = members.Select(m => new double[m.Length]).ToArray();
        for (var j = 0; j < features; j++)
        {
            for (var i = 0; i < n; i++)
            {
                column[i] = rows[i][j];
            }

            for (var g = 0; g < groups.Length; g++)
            {
                for (var i = 0; i < groups[g].Length; i++)
                {
                    groups[g][i] = column[members[g][i]];
                }
            }

            var mean = column.Mean();
            var groupMeans = groups.Select(g => g.Mean()).ToArray();
            var between = groups.Select((g, c) => g.Length * Math.Pow(groupMeans[c] - mean, 2)).Sum();
            var within = groups.Select((g, c) => g.Sum(v => Math.Pow(v - groupMeans[c], 2))).Sum();
            var (dfBetween, dfWithin) = (groups.Length - 1, n - groups.Length);
            f[j] = between / dfBetween / (within / dfWithin);
            p[j] = double.IsFinite(f[j]) ? UpperTail(f[j], dfBetween, dfWithin) : 0;
        }

        return (f, p);
    }

    /// <summary>
    /// Mutual information (in nats) between each feature and the diagnosis by the nearest-neighbour estimator of Ross
    /// (PLoS ONE 9 (2014) e87357), as scikit-learn's <c>mutual_info_classif</c>: features scaled to unit SD, jittered by
    /// 1e-10 × max(1, mean |x|) of seeded Gaussian noise to break ties, k neighbours within each class, negative
    /// estimates set to 0. The jitter is this library's own random stream, so values can differ from scikit-learn's in the
    /// last digits where a feature has tied values.
    /// </summary>
    public static double[] MutualInformation(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int neighbours = 3, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var random = new Random(seed);
        var n = rows.Count;
        var result = new double[rows[0].Length];
        for (var j = 0; j < result.Length; j++)
        {
            var column = rows.Select(r => r[j]).ToArray();
            var sd = column.PopulationStandardDeviation();
            column = [.. column.Select(v => sd > 0 ? v / sd : v)];
            var amplitude = 1e-10 * Math.Max(1, column.Average(Math.Abs));
            column = [.. column.Select(v => v + amplitude * MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1))];
            result[j] = RossEstimate(column, labels, neighbours, n);
        }

        return result;
    }

    private static double RossEstimate(double[] x, IReadOnlyList<bool> labels, int neighbours, int n)
    {
        var digammaK = 0.0;
        var digammaLabel = 0.0;
        var digammaM = 0.0;
        var used = 0;
        var ordered = (double[])x.Clone();
        Array.Sort(ordered);
        foreach (var label in Classes)
        {
            var members = Enumerable.Range(0, n).Where(i => labels[i] == label).ToArray();
            if (members.Length < 2)
            {
                continue;
            }

            var k = Math.Min(neighbours, members.Length - 1);
            var classValues = members.Select(i => x[i]).ToArray();
            Array.Sort(classValues);
            foreach (var i in members)
            {
                var radius = Math.BitDecrement(KthDistance(classValues, x[i], k));
                var m = CountWithin(ordered, x[i], radius);
                digammaK += MathNet.Numerics.SpecialFunctions.DiGamma(k);
                digammaLabel += MathNet.Numerics.SpecialFunctions.DiGamma(members.Length);
                digammaM += MathNet.Numerics.SpecialFunctions.DiGamma(m);
                used++;
            }
        }

        var mi = MathNet.Numerics.SpecialFunctions.DiGamma(used) + (digammaK - digammaLabel - digammaM) / used;
        return Math.Max(0, mi);
    }

    /// <summary>
    /// The <paramref name="k"/>-th smallest |v − centre| over the ascending <paramref name="sorted"/> values but one copy
    /// of <paramref name="centre"/>: the nearest values lie next to it, and |v − centre| grows (in floating point too)
    /// moving away from it on either side, so the k nearest are merged from both sides outward.
    /// </summary>
    private static double KthDistance(double[] sorted, double centre, int k)
    {
        var at = Array.BinarySearch(sorted, centre);
        var (left, right, distance) = (at - 1, at + 1, 0.0);
        for (var taken = 0; taken < k; taken++)
        {
            var toLeft = left >= 0 ? Math.Abs(sorted[left] - centre) : double.PositiveInfinity;
            var toRight = right < sorted.Length ? Math.Abs(sorted[right] - centre) : double.PositiveInfinity;
            (distance, left, right) = toLeft <= toRight ? (toLeft, left - 1, right) : (toRight, left, right + 1);
        }

        return distance;
    }

    /// <summary>How many of the ascending <paramref name="sorted"/> values (which hold <paramref name="centre"/>) lie within <paramref name="radius"/> of it: one run around it.</summary>
    private static int CountWithin(double[] sorted, double centre, double radius)
    {
        var at = Array.BinarySearch(sorted, centre);
        if (!(Math.Abs(sorted[at] - centre) <= radius))
        {
            return 0;
        }

        var (low, high) = (at, at);
        while (low > 0 && Math.Abs(sorted[low - 1] - centre) <= radius)
        {
            low--;
        }

        while (high < sorted.Length - 1 && Math.Abs(sorted[high + 1] - centre) <= radius)
        {
            high++;
        }

        return high - low + 1;
    }

    /// <summary>
    /// P(F > f) for the F distribution with (d1, d2) degrees of freedom, as the regularised incomplete beta
    /// I_x(d2/2, d1/2) with x = d2 / (d2 + d1 f), which keeps its precision for tiny tails where 1 − CDF cancels to 0.
    /// </summary>
    private static double UpperTail(double f, int d1, int d2) =>
        MathNet.Numerics.SpecialFunctions.BetaRegularized(d2 / 2.0, d1 / 2.0, d2 / (d2 + d1 * f));
}
