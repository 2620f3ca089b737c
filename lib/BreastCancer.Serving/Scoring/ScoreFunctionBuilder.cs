using BreastCancer.Analysis.Modeling;
using Microsoft.ML.Trainers;

namespace BreastCancer.Serving.Scoring;

/// <summary>
/// The <see cref="ScoreFunction"/> of a fitted classifier, built from its <see cref="ClassifierForm"/>: computed
/// directly for a constant, the exact RBF SVM, the random forest, an ML.NET linear model and a Platt calibration of any
/// of them; an ML.NET model of another kind (a tree ensemble) through pooled prediction engines; any other classifier
/// by calling it.
/// </summary>
/// <param name="width">The number of inputs the classifier reads.</param>
internal sealed class ScoreFunctionBuilder(int width) : IClassifierFormVisitor<ScoreFunction>
{
    /// <inheritdoc />
    public ScoreFunction VisitConstant(ConstantForm form) => new ConstantFunction(form.Probability);

    /// <inheritdoc />
    public ScoreFunction VisitRbfSvm(RbfSvmForm form) => new KernelSvmFunction(form.Machine);

    /// <summary>An ML.NET linear model reading <c>width</c> inputs computed directly (<see cref="LinearMlNetFunction"/>), any other through ML.NET's engines.</summary>
    public ScoreFunction VisitMlNet(MlNetForm form) =>
        form.LogOdds is { Parameters: LinearBinaryModelParameters linear } map && linear.Weights.Count == width
            ? new LinearMlNetFunction([.. linear.Weights], linear.Bias, new PlattScaling(-map.Slope, -map.Intercept), form.HasProbabilityColumn(width))
            : new MlNetEngineFunction(form, width);

    /// <inheritdoc />
    public ScoreFunction VisitForest(ForestForm form) => new ForestFunction(form.Forest);

    /// <inheritdoc />
    public ScoreFunction VisitPlatt(PlattForm form) => new PlattFunction(form.Inner.Accept(this), form.Platt);

    /// <inheritdoc />
    public ScoreFunction VisitOpaque(OpaqueForm form) => new ClassifierFallback(form.Classifier);
}
