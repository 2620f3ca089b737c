using BreastCancer.Analysis.Data;
using Microsoft.ML;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// An ML.NET model (<see cref="FittedMlNetClassifier"/>): a transformer that reads a <c>Features</c> column in single
/// precision and adds <c>Score</c> and, for a model fitted by log loss, <c>Probability</c>; the probability is that
/// column when there is one, else the logistic of the score.
/// </summary>
public sealed record MlNetForm : ClassifierForm
{
    /// <summary>The form of <paramref name="classifier"/>.</summary>
    internal MlNetForm(FittedMlNetClassifier classifier) => Classifier = classifier;

    /// <summary>The classifier.</summary>
    public FittedMlNetClassifier Classifier { get; }

    /// <summary>The context that builds the views and prediction engines the model scores.</summary>
    public MLContext Context => Classifier.Context;

    /// <summary>The trained ML.NET transformer.</summary>
    public ITransformer Model => Classifier.Model;

    /// <summary>The parameters of the model's raw score and the map of its own calibration to log-odds (<see cref="IFittedClassifier.PredictProbability"/>); null when not recognised.</summary>
    public MlNetScoreMap? LogOdds => MlNetScoreMap.Of(Model, useOwnCalibration: true);

    /// <summary>The parameters of the model's raw score, <see cref="IFittedClassifier.DecisionScore"/>, with the identity map; null when not recognised.</summary>
    public MlNetScoreMap? RawScore => MlNetScoreMap.Of(Model, useOwnCalibration: false);

    /// <summary>Whether the model, reading <paramref name="width"/> inputs, adds a <c>Probability</c> column (ML.NET's own calibration).</summary>
    public bool HasProbabilityColumn(int width) => Model.GetOutputSchema(MlNetRows.Schema(Context, width)).GetColumnOrNull("Probability") is not null;

    /// <inheritdoc />
    public override TResult Accept<TResult>(IClassifierFormVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.VisitMlNet(this);
    }
}
