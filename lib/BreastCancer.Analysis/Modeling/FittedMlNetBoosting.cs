using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// An ML.NET gradient-boosted tree model fitted by log loss (LightGBM, FastTree: <see cref="MlNetClassifier.LightGbm"/>,
/// <see cref="MlNetClassifier.FastTree"/>), which can also score from its first n iterations. Boosting fits tree k to
/// the gradient of the first k − 1 trees' loss, whatever the number of iterations asked for, so without row or feature
/// subsampling the first n trees are the n-iteration model of the same rows and seed (checked by fitting both). LightGBM
/// stops before the iterations asked for once no split improves the fit (on the study's folds, after about 150 of 200
/// at a learning rate of 0.2), and would stop there for any larger number too: the model of n iterations is then the
/// first min(n, trees fitted) trees. The truncated score is ML.NET's own, bias + Σₜ wₜ·treeₜ(x) over those trees summed
/// in double precision and rounded to single (<see cref="TreeEnsemble.OutputOfFirst"/>, the trees read by
/// <see cref="MlNetTreeEnsemble"/>), then mapped through the model's own Platt calibration p = 1 / (1 + e^(A·s + B)),
/// whose A and B do not depend on the number of trees.
/// </summary>
public sealed class FittedMlNetBoosting : FittedMlNetClassifier, IStagedFittedClassifier
{
    private readonly Lazy<(TreeEnsemble Trees, MlNetScoreMap Map)> _ensemble;

    /// <summary>Wraps a trained boosted tree model reading rows of <paramref name="featureCount"/> features, trained with <paramref name="iterations"/> iterations asked for.</summary>
    /// <exception cref="ArgumentException">The model is not an ensemble of regression trees with ML.NET's Platt calibration, or has more trees than <paramref name="iterations"/>.</exception>
    public FittedMlNetBoosting(MLContext context, ITransformer model, int featureCount, int iterations)
        : base(context, model)
    {
        var map = MlNetScoreMap.Of(model, useOwnCalibration: true);
        if (map is not { Parameters: TreeEnsembleModelParametersBasedOnRegressionTree parameters })
        {
            throw new ArgumentException($"{model.GetType().Name} is not an ML.NET ensemble of regression trees with its own Platt calibration", nameof(model));
        }

        TreesFitted = parameters.TrainedTreeEnsemble.Trees.Count;
        Stages = TreesFitted <= iterations && iterations >= 1
            ? iterations
            : throw new ArgumentException($"{TreesFitted} trees fitted in {iterations} iterations", nameof(iterations));
        _ensemble = new(() => (MlNetTreeEnsemble.ReadWithoutCovers(parameters, featureCount), map));
    }

    /// <summary>The boosting iterations asked for.</summary>
    public int Stages { get; }

    /// <summary>The trees fitted: <see cref="Stages"/>, or fewer when boosting stopped early.</summary>
    public int TreesFitted { get; }

    /// <inheritdoc />
    public double[] PredictProbability(IReadOnlyList<double[]> rows, int stages)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (stages < 1 || stages > Stages)
        {
            throw new ArgumentOutOfRangeException(nameof(stages), stages, $"the model was boosted {Stages} times: predict with 1 to {Stages} of them");
        }

        var (ensemble, map) = _ensemble.Value;
        var trees = Math.Min(stages, TreesFitted);
        var probabilities = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var score = (float)ensemble.OutputOfFirst(rows[r], trees);
            probabilities[r] = (float)(1 / (1 + Math.Exp(-(map.Slope * score + map.Intercept))));
        }

        return probabilities;
    }
}
