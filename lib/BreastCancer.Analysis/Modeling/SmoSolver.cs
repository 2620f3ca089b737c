using System.Numerics;
using System.Runtime.CompilerServices;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// Solves the dual of the soft-margin support vector machine, min ½ αᵀQα − Σα subject to 0 ≤ αᵢ ≤ C and Σ yᵢαᵢ = 0
/// with Qᵢⱼ = yᵢyⱼK(xᵢ, xⱼ), by sequential minimal optimisation with the second-order working-set selection of
/// Fan, Chen &amp; Lin (JMLR 6 (2005) 1889–1918, WSS 2), the algorithm of LIBSVM (Chang &amp; Lin 2011, §4.1) that
/// scikit-learn's <c>SVC</c> runs. It stops when the maximal KKT violation m(α) − M(α) falls below the tolerance
/// (LIBSVM's ε, 10⁻³ by default). The kernel rows are computed when first needed and all kept
/// (<see cref="KernelRows"/>): this is for the few thousand rows of a study, not for large data.
/// </summary>
internal static class SmoSolver
{
    private const double Tau = 1e-12;

    /// <summary>The dual solution for kernel matrix <paramref name="kernel"/> (n × n) and labels ±1.</summary>
    /// <returns>The multipliers α and the offset ρ of the decision function Σ αᵢyᵢK(xᵢ, x) − ρ.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double[] Alpha, double Rho, int Iterations) Solve(KernelRows kernel, sbyte[] y, double c, double tolerance, int maxIterations)
    {
        var n = y.Length;
        var alpha = new double[n];
        var gradient = Enumerable.Repeat(-1.0, n).ToArray();
        var labels = Array.ConvertAll(y, l => (double)l);
        var iterations = 0;
        while (iterations < maxIterations)
        {
            var (i, j) = SelectWorkingSet(kernel, labels, alpha, gradient, c, tolerance);
            if (j < 0)
            {
                break;
            }

            iterations++;
            Update(kernel, y, labels, alpha, gradient, c, i, j);
        }

        if (iterations == maxIterations)
        {
            throw new InvalidOperationException($"SMO did not reach tolerance {tolerance} in {maxIterations} iterations: scale the features or lower C");
        }

        return (alpha, Rho(y, alpha, gradient, c), iterations);
    }

    /// <summary>
    /// WSS 2: i maximises −yₜGₜ over the upper set, j minimises −bₜ²/aₜ over the lower set (bₜ = −yᵢGᵢ + yₜGₜ &gt; 0,
    /// aₜ = Kᵢᵢ + Kₜₜ − 2Kᵢₜ), the last index of equals in both, as LIBSVM's scan keeps it. Each pass runs
    /// <see cref="Vector{T}.Count"/> rows at a time with the scalar operations in the scalar order, each lane keeping its
    /// best value and the last row that reached it (≥, ≤), so the pair is the one the element-by-element scan picks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int I, int J) SelectWorkingSet(KernelRows kernel, double[] labels, double[] alpha, double[] gradient, double c, double tolerance)
    {
        var n = labels.Length;
        var width = Vector<double>.Count;
        var (zero, bound) = (Vector<double>.Zero, new Vector<double>(c));
        var (lowest, highest) = (new Vector<double>(double.NegativeInfinity), new Vector<double>(double.PositiveInfinity));
        var lanes = Vector.ConvertToDouble(Vector<long>.Indices);

        var (best, bestAt) = (lowest, zero);
        var t = 0;
        for (; t <= n - width; t += width)
        {
            var (y, a, g) = (new Vector<double>(labels, t), new Vector<double>(alpha, t), new Vector<double>(gradient, t));
            var value = Vector.ConditionalSelect(UpperSet(y, a, zero, bound), -y * g, lowest);
            var take = Vector.GreaterThanOrEqual(value, best);
            (best, bestAt) = (Vector.ConditionalSelect(take, value, best), Vector.ConditionalSelect(take, lanes + new Vector<double>(t), bestAt));
        }

        var (gMax, i) = Last(best, bestAt, larger: true);
        for (; t < n; t++)
        {
            if (InUpperSet(labels[t], alpha[t], c) && -labels[t] * gradient[t] >= gMax)
            {
                (gMax, i) = (-labels[t] * gradient[t], t);
            }
        }

        if (double.IsNegativeInfinity(gMax))
        {
            i = -1;
        }

        var rowI = i >= 0 ? kernel.Row(i) : null;
        var (top, diagonal, tau) = (new Vector<double>(gMax), new Vector<double>((rowI?[i] ?? 0) + KernelRows.Diagonal), new Vector<double>(Tau));
        var (best2, smallest, smallestAt) = (lowest, highest, zero);
        for (t = 0; t <= n - width; t += width)
        {
            var (y, a, g) = (new Vector<double>(labels, t), new Vector<double>(alpha, t), new Vector<double>(gradient, t));
            var lower = LowerSet(y, a, zero, bound);
            var yg = y * g;
            best2 = Vector.Max(best2, Vector.ConditionalSelect(lower, yg, lowest));
            if (rowI is not null)
            {
                var b = top + yg;
                var curvature = diagonal - (new Vector<double>(2.0) * new Vector<double>(rowI, t));
                curvature = Vector.ConditionalSelect(Vector.GreaterThan(curvature, zero), curvature, tau);
                var decrease = Vector.ConditionalSelect(lower & Vector.GreaterThan(b, zero), -(b * b) / curvature, highest);
                var take = Vector.LessThanOrEqual(decrease, smallest);
                (smallest, smallestAt) = (Vector.ConditionalSelect(take, decrease, smallest), Vector.ConditionalSelect(take, lanes + new Vector<double>(t), smallestAt));
            }
        }

        var gMax2 = Largest(best2);
        var (objectiveMin, j) = Last(smallest, smallestAt, larger: false);
        for (; t < n; t++)
        {
            if (InLowerSet(labels[t], alpha[t], c))
            {
                gMax2 = Math.Max(gMax2, labels[t] * gradient[t]);
                if (Decrease(rowI, i, gMax, labels[t] * gradient[t], t) is { } decrease && decrease <= objectiveMin)
                {
                    (objectiveMin, j) = (decrease, t);
                }
            }
        }

        if (double.IsPositiveInfinity(objectiveMin))
        {
            j = -1;
        }

        return gMax + gMax2 < tolerance ? (-1, -1) : (i, j);
    }

    /// <summary>−bₜ²/aₜ for row t of the lower set, or null when bₜ ≤ 0 (or there is no i).</summary>
    private static double? Decrease(double[]? rowI, int i, double gMax, double yg, int t)
    {
        var b = gMax + yg;
        if (rowI is null || b <= 0)
        {
            return null;
        }

        var a = rowI[i] + KernelRows.Diagonal - (2 * rowI[t]);
        return -(b * b) / (a > 0 ? a : Tau);
    }

    /// <summary>
    /// The largest (or smallest) of the lanes' values and, among the lanes holding it, the last row that reached it: the
    /// value and row a scan keeping the last of equals ends with.
    /// </summary>
    private static (double Value, int Row) Last(Vector<double> values, Vector<double> rows, bool larger)
    {
        var (value, row) = (values[0], rows[0]);
        for (var k = 1; k < Vector<double>.Count; k++)
        {
            var better = larger ? values[k] > value : values[k] < value;
            if (better || (values[k] == value && rows[k] > row))
            {
                (value, row) = (values[k], rows[k]);
            }
        }

        return (value, (int)row);
    }

    /// <summary>The largest of the lanes' values.</summary>
    private static double Largest(Vector<double> values)
    {
        var largest = values[0];
        for (var k = 1; k < Vector<double>.Count; k++)
        {
            largest = Math.Max(largest, values[k]);
        }

        return largest;
    }

    private static Vector<long> UpperSet(Vector<double> y, Vector<double> alpha, Vector<double> zero, Vector<double> c) =>
        (Vector.GreaterThan(y, zero) & Vector.LessThan(alpha, c)) | (Vector.LessThan(y, zero) & Vector.GreaterThan(alpha, zero));

    private static Vector<long> LowerSet(Vector<double> y, Vector<double> alpha, Vector<double> zero, Vector<double> c) =>
        (Vector.GreaterThan(y, zero) & Vector.GreaterThan(alpha, zero)) | (Vector.LessThan(y, zero) & Vector.LessThan(alpha, c));

    private static bool InUpperSet(double y, double alpha, double c) => y > 0 ? alpha < c : alpha > 0;

    private static bool InLowerSet(double y, double alpha, double c) => y > 0 ? alpha > 0 : alpha < c;

    /// <summary>
    /// Moves αᵢ and αⱼ to the pair's optimum and updates the gradient, Gₜ += yₜ(yᵢKᵢₜΔαᵢ + yⱼKⱼₜΔαⱼ): vectorised
    /// element by element (<paramref name="labels"/> is <paramref name="y"/> as doubles), each element's operations in
    /// the scalar order, so the gradient is the one the scalar loop computes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(KernelRows kernel, sbyte[] y, double[] labels, double[] alpha, double[] gradient, double c, int i, int j)
    {
        var (oldI, oldJ) = (alpha[i], alpha[j]);
        var (rowI, rowJ) = (kernel.Row(i), kernel.Row(j));
        var qij = y[i] * y[j] * rowI[j];
        var a = Math.Max(rowI[i] + rowJ[j] - 2 * y[i] * y[j] * qij, Tau);
        if (y[i] != y[j])
        {
            var delta = (-gradient[i] - gradient[j]) / a;
            var diff = alpha[i] - alpha[j];
            alpha[i] += delta;
            alpha[j] += delta;
            if (diff > 0 && alpha[j] < 0)
            {
                (alpha[j], alpha[i]) = (0, diff);
            }
            else if (diff <= 0 && alpha[i] < 0)
            {
                (alpha[i], alpha[j]) = (0, -diff);
            }

            if (diff > 0 && alpha[i] > c)
            {
                (alpha[i], alpha[j]) = (c, c - diff);
            }
            else if (diff <= 0 && alpha[j] > c)
            {
                (alpha[j], alpha[i]) = (c, c + diff);
            }
        }
        else
        {
            var delta = (gradient[i] - gradient[j]) / a;
            var sum = alpha[i] + alpha[j];
            alpha[i] -= delta;
            alpha[j] += delta;
            if (sum > c && alpha[i] > c)
            {
                (alpha[i], alpha[j]) = (c, sum - c);
            }
            else if (sum <= c && alpha[j] < 0)
            {
                (alpha[j], alpha[i]) = (0, sum);
            }

            if (sum > c && alpha[j] > c)
            {
                (alpha[j], alpha[i]) = (c, sum - c);
            }
            else if (sum <= c && alpha[i] < 0)
            {
                (alpha[i], alpha[j]) = (0, sum);
            }
        }

        var (deltaI, deltaJ) = (alpha[i] - oldI, alpha[j] - oldJ);
        var (yi, yj) = (labels[i], labels[j]);
        var t = 0;
        for (; t <= y.Length - Vector<double>.Count; t += Vector<double>.Count)
        {
            var step = new Vector<double>(labels, t) * ((yi * new Vector<double>(rowI, t) * deltaI) + (yj * new Vector<double>(rowJ, t) * deltaJ));
            (new Vector<double>(gradient, t) + step).CopyTo(gradient, t);
        }

        for (; t < y.Length; t++)
        {
            gradient[t] += y[t] * (y[i] * rowI[t] * deltaI + y[j] * rowJ[t] * deltaJ);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Rho(sbyte[] y, double[] alpha, double[] gradient, double c)
    {
        var (upper, lower, sum, free) = (double.PositiveInfinity, double.NegativeInfinity, 0.0, 0);
        for (var t = 0; t < y.Length; t++)
        {
            var yg = y[t] * gradient[t];
            if (alpha[t] >= c)
            {
                if (y[t] < 0)
                {
                    upper = Math.Min(upper, yg);
                }
                else
                {
                    lower = Math.Max(lower, yg);
                }
            }
            else if (alpha[t] <= 0)
            {
                if (y[t] > 0)
                {
                    upper = Math.Min(upper, yg);
                }
                else
                {
                    lower = Math.Max(lower, yg);
                }
            }
            else
            {
                free++;
                sum += yg;
            }
        }

        return free > 0 ? sum / free : (upper + lower) / 2;
    }
}
