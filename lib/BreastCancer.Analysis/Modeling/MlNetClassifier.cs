using Microsoft.ML;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A classifier backed by an ML.NET binary trainer whose output carries a <c>Probability</c> column (logistic
/// regression, FastForest, FastTree, LightGBM). Each fit uses its own <see cref="MLContext"/> seeded with the fit's seed,
/// so results do not depend on what ran before.
/// </summary>
/// <param name="name">The name shown in tables.</param>
/// <param name="trainer">Builds the trainer for a context; it reads the <c>Features</c> and <c>Label</c> columns.</param>
public sealed class MlNetClassifier(string name, Func<MLContext, IEstimator<ITransformer>> trainer) : IClassifier
{
    /// <summary>L-BFGS logistic regression with ML.NET's default L2 penalty (1.0) and L1 penalty (1.0).</summary>
    public static MlNetClassifier LogisticRegression() =>
        new("logistic regression", c => c.BinaryClassification.Trainers.LbfgsLogisticRegression());

    /// <summary>
    /// A random forest of <paramref name="trees"/> trees (ML.NET FastForest). Its score is not a probability, so a Platt
    /// calibrator (Platt 1999), fitted on the same training rows, maps it to one.
    /// </summary>
    public static MlNetClassifier RandomForest(int trees = 100) =>
        new($"random forest ({trees} trees)", c => c.BinaryClassification.Trainers.FastForest(numberOfTrees: trees)
            .Append(c.BinaryClassification.Calibrators.Platt()));

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        var context = new MLContext(seed);
        var model = trainer(context).Fit(MlNetRows.ToDataView(context, rows, labels));
        return new Fitted(context, model);
    }

    private sealed class Fitted(MLContext context, ITransformer model) : IFittedClassifier
    {
        public double[] PredictProbability(IReadOnlyList<double[]> rows)
        {
            var scored = model.Transform(MlNetRows.ToDataView(context, rows, null));
            return [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
        }
    }
}
