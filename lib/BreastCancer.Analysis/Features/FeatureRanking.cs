using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Pipeline;
using Microsoft.ML;

namespace BreastCancer.Analysis.Features;

/// <summary>Ranks features by how much a fitted model relies on them: the importance recursive elimination drops the weakest of.</summary>
public interface IFeatureRanker
{
    /// <summary>A short name for tables.</summary>
    string Name { get; }

    /// <summary>One non-negative importance per feature, learned from the training rows only.</summary>
    double[] Importance(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels, int seed);
}

/// <summary>|coefficient| of an L2 logistic regression (ML.NET L-BFGS) on features standardised on the training rows.</summary>
public sealed class LogisticCoefficientRanker : IFeatureRanker
{
    /// <inheritdoc />
    public string Name => "|logistic regression coefficient|";

    /// <inheritdoc />
    public double[] Importance(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels, int seed)
    {
        var standardized = new Standardizer().Fit(trainingRows, trainingLabels).Transform(trainingRows);
        var context = new MLContext(seed);
        var model = context.BinaryClassification.Trainers.LbfgsLogisticRegression().Fit(MlNetRows.ToDataView(context, standardized, trainingLabels));
        return [.. model.Model.SubModel.Weights.Select(w => Math.Abs((double)w))];
    }
}

/// <summary>Keeps the k features a ranker finds most important on the training rows (tree-based or coefficient-based selection).</summary>
/// <param name="ranker">The importance used.</param>
/// <param name="k">How many features to keep.</param>
/// <param name="seed">The ranker's seed.</param>
public sealed class ImportanceSelection(IFeatureRanker ranker, int k, int seed = 0) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"{ranker.Name}, top {k}";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels) =>
        new(TopK(ranker.Importance(trainingRows, trainingLabels, seed), k));
}
