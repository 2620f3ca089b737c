using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Selection;

/// <summary>The cross-validated score of keeping the top k features (ranked inside each training fold) for several k.</summary>
/// <param name="Ranking">How features were ranked.</param>
/// <param name="Results">The CV result at each k, ascending k.</param>
public sealed record FeatureCountCurve(string Ranking, IReadOnlyList<(int Count, CrossValidationResult Result)> Results)
{
    /// <summary>Cross-validates selection of the top k by <paramref name="score"/> → standardisation → <paramref name="classifier"/> for each k.</summary>
    public static FeatureCountCurve Run(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, UnivariateScore score, IReadOnlyList<int> counts,
        IClassifier classifier, IReadOnlyList<Fold> folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return new FeatureCountCurve(score == UnivariateScore.AnovaF ? "ANOVA F" : "mutual information",
            [.. counts.Order().Select(k => (k, CrossValidation.Run(new ClassificationPipeline([new UnivariateSelection(score, k, seed), new Standardizer()], classifier), rows, labels, folds, seed)))]);
    }
}
