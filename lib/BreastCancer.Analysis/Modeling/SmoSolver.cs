using System.Numerics;

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
    public static (double[] Alpha, double Rho, int Iterations) Solve(KernelRows kernel, sbyte[] y, double c, double tolerance, int maxIterations)
    {
        var n = y.Length;
        var alpha = new double[n];
        var gradient = Enumerable.Repeat(-1.0, n).ToArray();
        var labels = Array.ConvertAll(y, l => (double)l);
        var iterations = 0;
        while (iterations < maxIterations)
        {
            var (i, j) = SelectWorkingSet(kernel, y, alpha, gradient, c, tolerance);
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

    private static (int I, int J) SelectWorkingSet(KernelRows kernel, sbyte[] y, double[] alpha, double[] gradient, double c, double tolerance)
    {
        var gMax = double.NegativeInfinity;
        var i = -1;
        for (var t = 0; t < y.Length; t++)
        {
            if (InUpperSet(y[t], alpha[t], c) && -y[t] * gradient[t] >= gMax)
            {
                gMax = -y[t] * gradient[t];
                i = t;
            }
        }

        var gMax2 = double.NegativeInfinity;
        var j = -1;
        var objectiveMin = double.PositiveInfinity;
        double[]? rowI = null;
        for (var t = 0; t < y.Length; t++)
        {
            if (!InLowerSet(y[t], alpha[t], c))
            {
                continue;
            }

            gMax2 = Math.Max(gMax2, y[t] * gradient[t]);
            var b = gMax + y[t] * gradient[t];
            if (i >= 0 && b > 0)
            {
                rowI ??= kernel.Row(i);
                var a = rowI[i] + KernelRows.Diagonal - 2 * rowI[t];
                var decrease = -(b * b) / (a > 0 ? a : Tau);
                if (decrease <= objectiveMin)
                {
                    objectiveMin = decrease;
                    j = t;
                }
            }
        }

        return gMax + gMax2 < tolerance ? (-1, -1) : (i, j);
    }

    private static bool InUpperSet(sbyte y, double alpha, double c) => y > 0 ? alpha < c : alpha > 0;

    private static bool InLowerSet(sbyte y, double alpha, double c) => y > 0 ? alpha > 0 : alpha < c;

    /// <summary>
    /// Moves αᵢ and αⱼ to the pair's optimum and updates the gradient, Gₜ += yₜ(yᵢKᵢₜΔαᵢ + yⱼKⱼₜΔαⱼ): vectorised
    /// element by element (<paramref name="labels"/> is <paramref name="y"/> as doubles), each element's operations in
    /// the scalar order, so the gradient is the one the scalar loop computes.
    /// </summary>
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
