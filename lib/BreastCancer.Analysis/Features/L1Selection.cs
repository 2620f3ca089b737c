using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace BreastCancer.Analysis.Features;

/// <summary>
/// L1-regularised logistic regression (ML.NET's L-BFGS trainer with an L1 penalty, features standardised on the
/// training rows first): the features whose coefficient the penalty leaves non-zero are kept (Tibshirani 1996).
/// </summary>
/// <param name="l1">The L1 penalty strength; larger keeps fewer features.</param>
/// <param name="seed">The trainer's seed.</param>
public sealed class L1Selection(double l1, int seed = 0) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"L1 logistic regression (λ₁ = {l1})";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        var weights = Coefficients(trainingRows, trainingLabels, l1, seed);
        return new([.. Enumerable.Range(0, weights.Length).Where(j => weights[j] != 0)]);
    }

    /// <summary>The standardised coefficients of the L1-penalised logistic regression (0 where the penalty removed a feature).</summary>
    public static double[] Coefficients(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels, double l1, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        var standardized = new Standardizer().Fit(trainingRows, trainingLabels).Transform(trainingRows);
        var context = new MLContext(seed);
        var view = MlNetRows.ToDataView(context, standardized, trainingLabels);
        var trainer = context.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = (float)l1,
            L2Regularization = 0,
            OptimizationTolerance = 1e-7f,
        });
        var model = trainer.Fit(view);
        return [.. model.Model.SubModel.Weights.Select(w => (double)w)];
    }

    /// <summary>The coefficients over a range of penalties: the regularisation path.</summary>
    public static RegularizationPath Path(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels, IReadOnlyList<string> features, IReadOnlyList<double> penalties, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(penalties);
        return new RegularizationPath(features, penalties, [.. penalties.Select(l => (IReadOnlyList<double>)Coefficients(trainingRows, trainingLabels, l, seed))]);
    }
}

/// <summary>The coefficients of an L1-penalised logistic regression at each penalty strength.</summary>
/// <param name="Features">The feature names.</param>
/// <param name="Penalties">The L1 penalties, in the order given.</param>
/// <param name="Coefficients">Coefficients[p][f]: the standardised coefficient of feature f at penalty p.</param>
public sealed record RegularizationPath(IReadOnlyList<string> Features, IReadOnlyList<double> Penalties, IReadOnlyList<IReadOnlyList<double>> Coefficients)
{
    /// <summary>How many features have a non-zero coefficient at each penalty.</summary>
    public IReadOnlyList<int> NonZero => [.. Coefficients.Select(c => c.Count(w => w != 0))];
}
