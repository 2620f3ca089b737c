using BreastCancer.Analysis.Data;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// An ML.NET model fitted by <see cref="MlNetClassifier"/>. <see cref="Model"/> reads a <c>Features</c> column (the
/// rows as the pipeline's steps left them, in single precision) and adds ML.NET's <c>Score</c> and, for models fitted
/// by log loss, <c>Probability</c>. The probability is that column when there is one, and the logistic of the score
/// otherwise; the decision score is the raw <c>Score</c>. A boosted tree model's fit is the subclass
/// <see cref="FittedMlNetBoosting"/>, which also scores from its first trees.
/// </summary>
public class FittedMlNetClassifier : IFittedClassifier
{
    private readonly MLContext _context;

    /// <summary>Wraps a trained (or loaded) ML.NET transformer; <paramref name="context"/> builds the views it scores.</summary>
    public FittedMlNetClassifier(MLContext context, ITransformer model)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        Model = model ?? throw new ArgumentNullException(nameof(model));
    }

    /// <summary>The context that builds the views the model scores.</summary>
    internal MLContext Context => _context;

    /// <summary>The trained ML.NET transformer (for a tree ensemble, its <c>TrainedTreeEnsemble</c> is inside).</summary>
    public ITransformer Model { get; }

    /// <summary>Whether the model outputs a <c>Probability</c> column of its own: a model fitted by log loss, whose parameters ML.NET keeps calibrated.</summary>
    public bool GivesProbability => Model is ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase };

    /// <inheritdoc />
    public double[] PredictProbability(IReadOnlyList<double[]> rows)
    {
        var scored = Model.Transform(MlNetRows.ToDataView(_context, rows, null));
        return scored.Schema.GetColumnOrNull("Probability") is null
            ? [.. scored.GetColumn<float>("Score").Select(s => 1 / (1 + Math.Exp(-s)))]
            : [.. scored.GetColumn<float>("Probability").Select(p => (double)p)];
    }

    /// <inheritdoc />
    public ClassifierForm Form => new MlNetForm(this);

    /// <inheritdoc />
    public double[] DecisionScore(IReadOnlyList<double[]> rows) =>
        [.. Model.Transform(MlNetRows.ToDataView(_context, rows, null)).GetColumn<float>("Score").Select(s => (double)s)];
}
