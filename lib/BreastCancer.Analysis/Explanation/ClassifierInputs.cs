using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// Traces a fitted pipeline's classifier inputs back to the data's features. Imputation (by a fixed value per feature)
/// and standardisation change each feature on its own, and a selection keeps some of them, so every classifier input
/// comes from exactly one feature of the data; a SHAP value computed for that input is the feature's. A feature the
/// selection dropped gets 0 (the dummy axiom: the model never reads it).
/// </summary>
internal static class ClassifierInputs
{
    /// <summary>
    /// For each classifier input, the index of the data's feature it comes from; null when a step combines or adds
    /// features (k-nearest-neighbour imputation, engineered features), so that an input is not one feature's.
    /// </summary>
    public static int[]? Sources(FittedPipeline pipeline, int featureCount)
    {
        int[]? sources = [.. Enumerable.Range(0, featureCount)];
        foreach (var step in pipeline.Steps)
        {
            sources = (step, sources) switch
            {
                (_, null) => null,
                (SimpleImputer.FittedImputer or Standardizer.FittedStandardizer, _) => sources,
                (FittedSelection selection, _) => [.. selection.Selected.Select(c => sources[c])],
                _ => null,
            };
        }

        return sources;
    }

    /// <summary>
    /// An explanation of the classifier's inputs re-expressed over the data's features: each feature's value is the sum
    /// of the values of the inputs that come from it (0 for a dropped feature), and the feature values are
    /// <paramref name="rows"/> as given, in the data's units.
    /// </summary>
    public static ShapExplanation ToFeatures(ShapExplanation inputs, IReadOnlyList<int> sources, IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows)
    {
        var values = inputs.Values.Select(v =>
        {
            var features = new double[featureNames.Count];
            for (var k = 0; k < v.Length; k++)
            {
                features[sources[k]] += v[k];
            }

            return features;
        }).ToArray();
        return inputs with { FeatureNames = featureNames, Values = values, FeatureValues = rows };
    }
}
