using MathNet.Numerics;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// The coalitions a Kernel SHAP regression is fitted on and their weights (Lundberg &amp; Lee, NeurIPS 2017, Theorem 2:
/// the Shapley kernel π(S) = (M − 1) / (C(M, |S|) · |S| · (M − |S|))). When every non-trivial coalition fits the budget
/// all 2^M − 2 are used, each with weight π(S), and the regression gives the exact Shapley values. Otherwise the design
/// is shap's <c>KernelExplainer</c>'s: subset sizes are enumerated fully, with their complements, from the smallest
/// while the budget covers them as their share of the kernel's mass asks; the remaining budget is drawn at random (the
/// size from the kernel's remaining mass, then a uniform subset of that size, paired with its complement), a repeat
/// adding to its coalition's weight, and the drawn coalitions share the remaining mass in proportion to their counts.
/// </summary>
/// <param name="Masks">Each coalition: true for the features it contains (a feature in x), false for those taken from the background.</param>
/// <param name="Weights">Each coalition's regression weight, positive; only their ratios matter.</param>
/// <param name="Exact">Whether every non-trivial coalition is included with its kernel weight.</param>
internal sealed record CoalitionDesign(IReadOnlyList<bool[]> Masks, IReadOnlyList<double> Weights, bool Exact)
{
    /// <summary>The design for <paramref name="features"/> ≥ 2 features and at most <paramref name="budget"/> ≥ <paramref name="features"/> coalitions, drawing from <paramref name="random"/> when it samples.</summary>
    public static CoalitionDesign Build(int features, int budget, Random random)
    {
        var m = features;
        if (m < 31 && (1L << m) - 2 <= budget)
        {
            return All(m);
        }

        var masks = new List<bool[]>();
        var weights = new List<double>();
        var sizes = (m + 1) / 2;
        var pairedSizes = (m - 1) / 2;
        var kernel = Enumerable.Range(1, sizes).Select(s => (m - 1.0) / (s * (m - s))).ToArray();
        if (sizes != pairedSizes)
        {
            kernel[^1] /= 2;
        }

        Normalise(kernel);
        var full = 0;
        double left = budget;
        var remaining = (double[])kernel.Clone();
        for (var s = 1; s <= sizes; s++)
        {
            var paired = s <= pairedSizes;
            var count = SpecialFunctions.Binomial(m, s) * (paired ? 2 : 1);
            if (left * remaining[s - 1] / count < 1 - 1e-8)
            {
                break;
            }

            full++;
            left -= count;
            if (remaining[s - 1] < 1)
            {
                var scale = 1 - remaining[s - 1];
                for (var i = 0; i < remaining.Length; i++)
                {
                    remaining[i] /= scale;
                }
            }

            var weight = kernel[s - 1] / SpecialFunctions.Binomial(m, s) / (paired ? 2 : 1);
            foreach (var subset in Subsets(m, s))
            {
                masks.Add(subset);
                weights.Add(weight);
                if (paired)
                {
                    masks.Add(Complement(subset));
                    weights.Add(weight);
                }
            }
        }

        if (full < sizes)
        {
            Sample(m, budget - masks.Count, full, pairedSizes, kernel, random, masks, weights);
        }

        return new CoalitionDesign(masks, weights, false);
    }

    /// <summary>Draws the sampled part of shap's design (<c>KernelExplainer.explain</c>, the loop after the enumerated sizes), appending to <paramref name="masks"/> and <paramref name="weights"/>.</summary>
    private static void Sample(int m, int samplesLeft, int full, int pairedSizes, double[] kernel, Random random, List<bool[]> masks, List<double> weights)
    {
        var fixedCount = masks.Count;
        var draw = kernel.Select((k, i) => i < pairedSizes ? k / 2 : k).Skip(full).ToArray();
        Normalise(draw);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = Enumerable.Range(0, m).ToArray();
        var draws = 4 * samplesLeft;
        for (var d = 0; d < draws && samplesLeft > 0; d++)
        {
            var size = Categorical(draw, random) + full + 1;
            for (var i = 0; i < size; i++)
            {
                var j = random.Next(i, m);
                (order[i], order[j]) = (order[j], order[i]);
            }

            var mask = new bool[m];
            for (var i = 0; i < size; i++)
            {
                mask[order[i]] = true;
            }

            var key = Key(mask);
            var isNew = !seen.TryGetValue(key, out var at);
            if (isNew)
            {
                at = masks.Count;
                seen[key] = at;
                masks.Add(mask);
                weights.Add(1);
                samplesLeft--;
            }
            else
            {
                weights[at]++;
            }

            if (samplesLeft > 0 && size <= pairedSizes)
            {
                if (isNew)
                {
                    masks.Add(Complement(mask));
                    weights.Add(1);
                    samplesLeft--;
                }
                else
                {
                    weights[at + 1]++;
                }
            }
        }

        var mass = kernel.Skip(full).Sum();
        var drawn = weights.Skip(fixedCount).Sum();
        for (var i = fixedCount; i < weights.Count; i++)
        {
            weights[i] *= mass / drawn;
        }
    }

    /// <summary>Every coalition but the empty and the full one, with weight π(S).</summary>
    private static CoalitionDesign All(int m)
    {
        var count = (1 << m) - 2;
        var masks = new bool[count][];
        var weights = new double[count];
        for (var code = 1; code <= count; code++)
        {
            var mask = new bool[m];
            var size = 0;
            for (var i = 0; i < m; i++)
            {
                mask[i] = (code >> i & 1) == 1;
                size += mask[i] ? 1 : 0;
            }

            masks[code - 1] = mask;
            weights[code - 1] = (m - 1.0) / (SpecialFunctions.Binomial(m, size) * size * (m - size));
        }

        return new CoalitionDesign(masks, weights, true);
    }

    /// <summary>The subsets of size <paramref name="size"/> of {0, …, m − 1} in lexicographic order, as masks.</summary>
    private static IEnumerable<bool[]> Subsets(int m, int size)
    {
        var chosen = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            var mask = new bool[m];
            foreach (var i in chosen)
            {
                mask[i] = true;
            }

            yield return mask;
            var p = size - 1;
            while (p >= 0 && chosen[p] == m - size + p)
            {
                p--;
            }

            if (p < 0)
            {
                yield break;
            }

            chosen[p]++;
            for (var q = p + 1; q < size; q++)
            {
                chosen[q] = chosen[q - 1] + 1;
            }
        }
    }

    private static int Categorical(double[] probabilities, Random random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < probabilities.Length - 1; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }

    private static bool[] Complement(bool[] mask) => [.. mask.Select(b => !b)];

    private static string Key(bool[] mask) => string.Create(mask.Length, mask, (span, m) =>
    {
        for (var i = 0; i < m.Length; i++)
        {
            span[i] = m[i] ? '1' : '0';
        }
    });

    private static void Normalise(double[] values)
    {
        var sum = values.Sum();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] /= sum;
        }
    }
}
