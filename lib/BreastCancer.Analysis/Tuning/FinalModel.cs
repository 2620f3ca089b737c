using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tuning;

/// <summary>
/// The study's final model: the chosen catalogue model, at its tuned hyperparameters, fitted once on the training rows
/// of the held-out split; its decision threshold chosen on those rows alone (the highest that reaches the target
/// sensitivity on their out-of-fold predictions); and its one score on the held-out rows, which nothing before has seen.
/// A deployed model retrained with rows added later is trained by the same procedure in the <c>Deployment</c> layer
/// (<c>FinalModelRetraining</c>).
/// </summary>
/// <param name="Model">The catalogue model at the chosen hyperparameters.</param>
/// <param name="Seed">The seed of the fit and of the threshold's inner cross-validation.</param>
/// <param name="Fitted">The pipeline fitted on the training rows.</param>
/// <param name="HeldOut">The held-out score, at 0.5 and at the chosen threshold.</param>
public sealed record FinalModel(CatalogueModel Model, int Seed, FittedPipeline Fitted, HeldOutScore HeldOut)
{
    /// <summary>The decision threshold: malignant when the probability is at least this.</summary>
    public double Threshold => HeldOut.OperatingPoint.Threshold;

    /// <summary>
    /// Fits <paramref name="model"/>'s pipeline on the training rows of <paramref name="split"/> with <paramref name="seed"/>,
    /// chooses the threshold for <paramref name="operatingPoint"/> (by default 98 % sensitivity, 5 inner folds) on those
    /// rows, and scores the held-out rows once. The fit and the score are those of <see cref="HeldOutScore"/>.
    /// </summary>
    public static FinalModel Train(CatalogueModel model, BreastCancerData data, HeldOutSplit split, int seed, OperatingPointOptions? operatingPoint = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (fitted, score) = HeldOutScore.FitAndScore(model.Pipeline(), data, split, seed, operatingPoint);
        return new FinalModel(model, seed, fitted, score);
    }
}
