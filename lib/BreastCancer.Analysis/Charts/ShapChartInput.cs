using BreastCancer.Analysis.Explanation;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// What the SHAP charts read from a <see cref="ShapExplanation"/>: the checks that it can be charted, the ranking of its
/// features by mean |SHAP|, a feature looked up by name, and the axis titles that name the output space.
/// </summary>
internal static class ShapChartInput
{
    /// <summary>
    /// Throws unless <paramref name="shap"/> has features and rows, every row one value per feature, and one row of feature
    /// values per row of SHAP values.
    /// </summary>
    public static void Validate(ShapExplanation shap, string name)
    {
        ArgumentNullException.ThrowIfNull(shap, name);
        if (shap.FeatureNames.Count == 0 || shap.Values.Count == 0)
        {
            throw new ArgumentException($"the explanation ({shap.Method}) has {shap.FeatureNames.Count} features and {shap.Values.Count} rows: nothing to chart", name);
        }

        if (shap.FeatureValues.Count != shap.Values.Count)
        {
            throw new ArgumentException($"the explanation has {shap.Values.Count} rows of SHAP values but {shap.FeatureValues.Count} rows of feature values", name);
        }

        var width = shap.FeatureNames.Count;
        for (var r = 0; r < shap.Values.Count; r++)
        {
            if (shap.Values[r].Length != width || shap.FeatureValues[r].Length != width)
            {
                throw new ArgumentException(
                    $"row {r} of the explanation has {shap.Values[r].Length} SHAP values and {shap.FeatureValues[r].Length} feature values for {width} features", name);
            }
        }
    }

    /// <summary>Throws unless <paramref name="top"/> is at least 1.</summary>
    public static void RequirePositive(int top, string name)
    {
        if (top < 1)
        {
            throw new ArgumentException($"top = {top}: chart at least one feature", name);
        }
    }

    /// <summary>The indices of the <paramref name="top"/> features with the largest mean |SHAP|, largest first (ties in feature order).</summary>
    public static int[] Top(ShapExplanation shap, int top)
    {
        var importance = shap.MeanAbsolute();
        return [.. Enumerable.Range(0, importance.Length).OrderByDescending(f => importance[f]).Take(top)];
    }

    /// <summary>The index of the feature called <paramref name="feature"/>.</summary>
    /// <exception cref="ArgumentException">No feature has that name; the message lists the names.</exception>
    public static int IndexOf(ShapExplanation shap, string feature, string name)
    {
        ArgumentNullException.ThrowIfNull(feature, name);
        for (var f = 0; f < shap.FeatureNames.Count; f++)
        {
            if (shap.FeatureNames[f] == feature)
            {
                return f;
            }
        }

        throw new ArgumentException($"'{feature}' is not a feature of the explanation; its features are {string.Join(", ", shap.FeatureNames)}", name);
    }

    /// <summary>What the values are in, for axis titles: e.g. <c>log-odds of malignancy</c>.</summary>
    public static string Units(ShapOutputSpace space) => space switch
    {
        ShapOutputSpace.LogOdds => "log-odds of malignancy",
        ShapOutputSpace.Probability => "probability of malignancy",
        ShapOutputSpace.Margin => "model score (margin)",
        _ => throw new ArgumentOutOfRangeException(nameof(space), space, "unknown SHAP output space"),
    };

    /// <summary>The probability of malignancy of log-odds <paramref name="logOdds"/>.</summary>
    public static double Probability(double logOdds) => 1 / (1 + Math.Exp(-logOdds));
}
