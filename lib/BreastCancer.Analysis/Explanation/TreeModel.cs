using System.Reflection;
using BreastCancer.Analysis.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted classifier seen as a tree ensemble: the ensemble's output s (ML.NET's <c>Score</c>) and the affine map from it
/// to the classifier's log-odds of malignancy, ln(p / (1 − p)) = <see cref="LogOddsSlope"/>·s + <see cref="LogOddsIntercept"/>.
/// SHAP values of s in <see cref="ShapOutputSpace.Margin"/> become exact log-odds values through
/// <see cref="ShapExplanation.Rescaled"/> with this slope and intercept.
/// </summary>
/// <param name="Ensemble">The trees, with covers from the background rows.</param>
/// <param name="LogOddsSlope">a in logit p = a·s + b.</param>
/// <param name="LogOddsIntercept">b in logit p = a·s + b.</param>
public sealed record TreeModel(TreeEnsemble Ensemble, double LogOddsSlope, double LogOddsIntercept)
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>The classifier's log-odds of malignancy for <paramref name="row"/>: a·s(row) + b.</summary>
    public double LogOdds(double[] row) => LogOddsSlope * Ensemble.Output(row) + LogOddsIntercept;

    /// <summary>
    /// The tree ensemble inside <paramref name="classifier"/>, or null when it is not one. Recognised:
    /// <list type="bullet">
    /// <item>an ML.NET tree model without calibration (FastForest): p = logistic(s), so a = 1, b = 0;</item>
    /// <item>an ML.NET tree model with ML.NET's Platt calibration (FastTree, LightGBM): p = 1 / (1 + e^(A·s + B)), so a = −A, b = −B;</item>
    /// <item>a <see cref="FittedCalibratedClassifier"/> with <see cref="PlattScaling"/> (A, B) of such a model's raw score s
    /// (the inner model's own calibration, if any, is not used): a = −A, b = −B.</item>
    /// </list>
    /// </summary>
    /// <param name="classifier">The fitted classifier.</param>
    /// <param name="coverRows">The background rows as the classifier sees them (the training rows after the pipeline's steps).</param>
    /// <exception cref="ArgumentException">There are no cover rows, or they differ in width or are too narrow for the trees.</exception>
    /// <exception cref="NotSupportedException">The trees have categorical splits.</exception>
    public static TreeModel? Of(IFittedClassifier classifier, IReadOnlyList<double[]> coverRows)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(coverRows);
        return classifier switch
        {
            FittedMlNetClassifier mlNet => OfMlNet(mlNet.Model, coverRows, useOwnCalibration: true),
            FittedCalibratedClassifier { Inner: FittedMlNetClassifier inner, Calibrator: PlattScaling platt } =>
                OfMlNet(inner.Model, coverRows, useOwnCalibration: false) is { } raw
                    ? raw with { LogOddsSlope = -platt.Slope, LogOddsIntercept = -platt.Offset }
                    : null,
            _ => null,
        };
    }

    /// <summary>
    /// The model inside an ML.NET transformer with the map to its log-odds: a calibrated model is unwrapped through its
    /// generic base <c>CalibratedModelParametersBase&lt;TSubModel, TCalibrator&gt;</c>, whose <c>SubModel</c> and
    /// <c>Calibrator</c> are public but typed by parameters unknown here (they differ for trained and loaded models).
    /// </summary>
    private static TreeModel? OfMlNet(ITransformer transformer, IReadOnlyList<double[]> coverRows, bool useOwnCalibration)
    {
        if (transformer is IEnumerable<ITransformer> chain)
        {
            var steps = chain.ToArray();
            return steps.Length == 1 ? OfMlNet(steps[0], coverRows, useOwnCalibration) : null;
        }

        if (transformer is not ISingleFeaturePredictionTransformer<object> { Model: { } parameters })
        {
            return null;
        }

        var calibrated = Ancestors(parameters.GetType())
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>));
        if (calibrated is null)
        {
            return parameters is TreeEnsembleModelParameters trees ? new TreeModel(MlNetTreeEnsemble.Read(trees, coverRows), 1, 0) : null;
        }

        var subModel = calibrated.GetProperty(nameof(CalibratedModelParametersBase<object, PlattCalibrator>.SubModel), Declared)?.GetValue(parameters);
        var calibrator = calibrated.GetProperty(nameof(CalibratedModelParametersBase<object, PlattCalibrator>.Calibrator), Declared)?.GetValue(parameters);
        return (subModel, calibrator, useOwnCalibration) switch
        {
            (TreeEnsembleModelParameters trees, _, false) => new TreeModel(MlNetTreeEnsemble.Read(trees, coverRows), 1, 0),
            (TreeEnsembleModelParameters trees, PlattCalibrator platt, true) =>
                new TreeModel(MlNetTreeEnsemble.Read(trees, coverRows), -platt.Slope, -platt.Offset),
            _ => null,
        };
    }

    private static IEnumerable<Type> Ancestors(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            yield return type;
        }
    }
}
