using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted classifier's log-odds of malignancy as an affine map of an ML.NET model's raw score (<see cref="MlNetScoreMap"/>),
/// read from its <see cref="ClassifierForm"/>: for an ML.NET model, the map of its own calibration; for a Platt
/// calibration (A, B) of an ML.NET model's raw score s, logit p = −A·s − B (the inner model's own calibration is not
/// used). Every other form has none: linear SHAP and TreeSHAP in log-odds apply only where it exists
/// (<see cref="LogOddsLinearModel"/>, <see cref="TreeModel"/>), Kernel SHAP everywhere; the random forest, whose
/// probability is a mean of trees, gets TreeSHAP in probability instead (<see cref="TreeModel"/>).
/// </summary>
internal sealed class LogOddsScore : IClassifierFormVisitor<MlNetScoreMap?>
{
    private static readonly LogOddsScore LogOdds = new(rawScore: false);
    private static readonly LogOddsScore Raw = new(rawScore: true);

    private readonly bool _rawScore;

    private LogOddsScore(bool rawScore) => _rawScore = rawScore;

    /// <summary>The map of <paramref name="classifier"/>'s log-odds, or null when they are no affine map of an ML.NET model's raw score.</summary>
    public static MlNetScoreMap? Of(IFittedClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        return classifier.Form.Accept(LogOdds);
    }

    /// <inheritdoc />
    public MlNetScoreMap? VisitMlNet(MlNetForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return _rawScore ? form.RawScore : form.LogOdds;
    }

    /// <inheritdoc />
    public MlNetScoreMap? VisitPlatt(PlattForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return !_rawScore && form.Inner.Accept(Raw) is { } raw ? raw with { Slope = -form.Platt.Slope, Intercept = -form.Platt.Offset } : null;
    }

    /// <summary>None: a forest's probability, not its log-odds, is the mean of its trees (<see cref="TreeModel"/> reads it).</summary>
    public MlNetScoreMap? VisitForest(ForestForm form) => null;

    /// <inheritdoc />
    public MlNetScoreMap? VisitConstant(ConstantForm form) => null;

    /// <inheritdoc />
    public MlNetScoreMap? VisitRbfSvm(RbfSvmForm form) => null;

    /// <inheritdoc />
    public MlNetScoreMap? VisitOpaque(OpaqueForm form) => null;
}
