using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Analysis.Tests.Explanation;

/// <summary>
/// Shapley values by their definition (Shapley 1953): φᵢ = Σ over S ⊆ N∖{i} of |S|! (M − |S| − 1)! / M! · (v(S ∪ {i}) − v(S)),
/// for the interventional value function v(S) = g(Σ_b w_b f(x_S, b_S̄)) Kernel SHAP estimates, every coalition evaluated.
/// Independent of Kernel SHAP's regression: it shares only the model and the background.
/// </summary>
internal static class ShapleyBruteForce
{
    /// <summary>The Shapley values of each feature of <paramref name="x"/> (at most 16 features).</summary>
    public static double[] Values(Func<IReadOnlyList<double[]>, double[]> model, ShapBackground background, double[] x, bool logOdds)
    {
        var m = x.Length;
        var v = new double[1 << m];
        for (var s = 0; s < v.Length; s++)
        {
            var masked = background.Rows.Select(b => Enumerable.Range(0, m).Select(f => (s >> f & 1) == 1 ? x[f] : b[f]).ToArray()).ToArray();
            var outputs = model(masked);
            var mean = outputs.Select((o, b) => background.Weights[b] * o).Sum();
            v[s] = logOdds ? Math.Log(mean / (1 - mean)) : mean;
        }

        var phi = new double[m];
        for (var i = 0; i < m; i++)
        {
            for (var s = 0; s < v.Length; s++)
            {
                if ((s >> i & 1) == 0)
                {
                    var size = System.Numerics.BitOperations.PopCount((uint)s);
                    phi[i] += Factorial(size) * Factorial(m - size - 1) / Factorial(m) * (v[s | 1 << i] - v[s]);
                }
            }
        }

        return phi;
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);
}
