using BreastCancer.Analysis.Explanation;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// The feature that most likely interacts with another, by the rule of shap's <c>approximate_interactions</c>
/// (Lundberg et al., Nature Machine Intelligence 2020): order the rows by the feature's value and cut them into
/// consecutive chunks of max(1, min(50, ⌊n / 10⌋)) rows; within a chunk the feature's value barely changes, so what spread
/// its SHAP values still have comes from other features. A candidate's score is the sum over chunks of |Pearson r| between
/// the feature's SHAP values and the candidate's values (chunks where either is constant add nothing); the highest
/// score wins, ties to the earlier feature. Rows where either value is missing (NaN) are left out.
/// </summary>
internal static class ShapInteraction
{
    /// <summary>The index of the feature that best explains the spread of feature <paramref name="feature"/>'s SHAP values at a given value, or null when there is no other feature.</summary>
    public static int? Strongest(ShapExplanation shap, int feature)
    {
        var candidates = Enumerable.Range(0, shap.FeatureNames.Count).Where(f => f != feature).ToArray();
        if (candidates.Length == 0)
        {
            return null;
        }

        var scores = candidates.Select(c => Score(shap, feature, c)).ToArray();
        var best = 0;
        for (var i = 1; i < scores.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return candidates[best];
    }

    /// <summary>The sum over chunks of |r| between <paramref name="feature"/>'s SHAP values and <paramref name="candidate"/>'s values.</summary>
    public static double Score(ShapExplanation shap, int feature, int candidate)
    {
        var rows = Enumerable.Range(0, shap.Values.Count)
            .Where(r => !double.IsNaN(shap.FeatureValues[r][feature]) && !double.IsNaN(shap.FeatureValues[r][candidate]))
            .OrderBy(r => shap.FeatureValues[r][feature])
            .ToArray();
        var size = Math.Max(1, Math.Min(50, rows.Length / 10));
        var score = 0.0;
        foreach (var chunk in rows.Chunk(size))
        {
            var values = chunk.Select(r => shap.Values[r][feature]).ToArray();
            var others = chunk.Select(r => shap.FeatureValues[r][candidate]).ToArray();
            if (values.Distinct().Count() > 1 && others.Distinct().Count() > 1)
            {
                score += Math.Abs(Correlation.Pearson(values, others));
            }
        }

        return score;
    }
}
