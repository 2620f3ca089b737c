using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Evaluation;

/// <summary>
/// Rows of one group (a tumour measured twice) must stay on one side of every fit inside a cross-validation too: the
/// operating point's inner folds, a calibrator's internal folds, a nested search's inner folds. A witness classifier
/// counts the predictions any fitted model makes of a twin it was trained on; with the groups named the count is zero,
/// without them it is not (so the witness can see a leak).
/// </summary>
public sealed class GroupedInnerFoldsTests
{
    private const int Tumours = 40;

    /// <summary>40 tumours of 3 random values, each measured twice (exact twins, rows t and t + 40), malignant when the first value plus noise is positive.</summary>
    private static (double[][] Rows, bool[] Labels, string?[] Groups) Twins()
    {
        var random = new Random(3);
        var tumours = Enumerable.Range(0, Tumours).Select(_ => new[] { random.NextDouble() * 4 - 2, random.NextDouble(), random.NextDouble() }).ToArray();
        var malignant = tumours.Select(t => t[0] + random.NextDouble() - 0.5 > 0).ToArray();
        return ([.. tumours, .. tumours.Select(t => (double[])t.Clone())], [.. malignant, .. malignant],
            [.. Enumerable.Range(0, 2 * Tumours).Select(r => $"tumour {r % Tumours}")]);
    }

    private static ClassificationPipeline Scaled(IClassifier classifier) => new([new Standardizer()], classifier);

    [Fact]
    public void Cross_validation_with_an_operating_point_never_predicts_a_twin_of_a_training_row_when_the_groups_are_named()
    {
        var (rows, labels, groups) = Twins();
        var folds = StratifiedGroupKFold.Split(labels, groups, 5, seed: 1);
        var (named, unnamed) = (new TwinWitness(), new TwinWitness());

        CrossValidation.Run(Scaled(named), rows, labels, folds, seed: 1, operatingPoint: new OperatingPointOptions(0.9), groups: groups);
        CrossValidation.Run(Scaled(unnamed), rows, labels, folds, seed: 1, operatingPoint: new OperatingPointOptions(0.9));

        Assert.Equal(rows.Length + folds.Sum(f => f.Train.Count), named.Predictions);
        Assert.Equal(0, named.SeenBefore);
        Assert.True(unnamed.SeenBefore > 0, "the inner folds of the threshold split twins when no group is named");
        Assert.Contains("3 groups for 80 rows", Assert.Throws<ArgumentException>(() =>
            CrossValidation.Run(Scaled(named), rows, labels, folds, seed: 1, groups: groups[..3])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_calibrators_internal_folds_keep_a_group_together_inside_the_folds_around_it()
    {
        var (rows, labels, groups) = Twins();
        var folds = StratifiedGroupKFold.Split(labels, groups, 5, seed: 1);
        var (named, unnamed) = (new TwinWitness(), new TwinWitness());

        var result = CrossValidation.Run(Scaled(new CalibratedClassifier(named)), rows, labels, folds, seed: 1, operatingPoint: new OperatingPointOptions(0.9), groups: groups);
        CrossValidation.Run(Scaled(new CalibratedClassifier(unnamed)), rows, labels, folds, seed: 1, operatingPoint: new OperatingPointOptions(0.9));

        Assert.Equal(0, named.SeenBefore);
        Assert.True(named.Predictions >= 2 * rows.Length, $"{named.Predictions} predictions");
        Assert.True(unnamed.SeenBefore > 0, "a calibrator's folds split twins when no group is named");
        Assert.All(result.Folds, f => Assert.NotNull(f.OperatingPoint));
    }

    [Fact]
    public void A_nested_search_keeps_a_group_in_one_inner_fold_and_in_its_refit()
    {
        var (rows, labels, groups) = Twins();
        var outer = StratifiedGroupKFold.Split(labels, groups, 4, seed: 2);
        var (named, unnamed) = (new TwinWitness(), new TwinWitness());
        CatalogueModel Model(TwinWitness witness) => new("witness", new Dictionary<string, double> { ["k"] = 1 }, _ => new CalibratedClassifier(witness));

        var result = NestedCrossValidation.Grid(Model(named), [("k", [1.0, 2.0])], rows, labels, outer, innerFolds: 3, Metric.RocAuc, seed: 1, groups: groups);
        NestedCrossValidation.Grid(Model(unnamed), [("k", [1.0, 2.0])], rows, labels, outer, innerFolds: 3, Metric.RocAuc, seed: 1);

        Assert.Equal(0, named.SeenBefore);
        Assert.True(unnamed.SeenBefore > 0, "the inner folds split twins when no group is named");
        Assert.All(result.Folds, f => Assert.All(f.InnerFolds, inner => Assert.Empty(
            inner.Train.Select(r => groups[outer[f.Fold].Train[r]]).Intersect(inner.Test.Select(r => groups[outer[f.Fold].Train[r]])))));
    }
}
