using System.Reflection;
using BreastCancer.Analysis.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The ML.NET model parameters that compute a fitted classifier's raw score s (ML.NET's <c>Score</c>), and the affine
/// map from s to the classifier's log-odds of malignancy, ln(p / (1 − p)) = <see cref="Slope"/>·s + <see cref="Intercept"/>.
/// Recognised:
/// <list type="bullet">
/// <item>an ML.NET model without calibration (FastForest, the linear SVM): p = logistic(s), so a = 1, b = 0;</item>
/// <item>an ML.NET model with its own Platt calibration (logistic regression, FastTree, LightGBM): p = 1 / (1 + e^(A·s + B)), so a = −A, b = −B;</item>
/// <item>a <see cref="FittedCalibratedClassifier"/> with <see cref="PlattScaling"/> (A, B) of such a model's raw score s
/// (the inner model's own calibration, if any, is not used): a = −A, b = −B.</item>
/// </list>
/// A calibrated model is unwrapped through its generic base <c>CalibratedModelParametersBase&lt;TSubModel, TCalibrator&gt;</c>,
/// whose <c>SubModel</c> and <c>Calibrator</c> are public but typed by parameters that differ for trained and loaded models.
/// </summary>
/// <param name="Parameters">The model parameters that compute s (e.g. <c>LinearBinaryModelParameters</c>, a tree ensemble's).</param>
/// <param name="Slope">a in logit p = a·s + b.</param>
/// <param name="Intercept">b in logit p = a·s + b.</param>
internal sealed record MlNetScoreMap(object Parameters, double Slope, double Intercept)
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>The score's parameters and map of <paramref name="classifier"/>, or null when it is not one of the kinds above.</summary>
    public static MlNetScoreMap? Of(IFittedClassifier classifier) => classifier switch
    {
        FittedMlNetClassifier mlNet => OfMlNet(mlNet.Model, useOwnCalibration: true),
        FittedCalibratedClassifier { Inner: FittedMlNetClassifier inner, Calibrator: PlattScaling platt } =>
            OfMlNet(inner.Model, useOwnCalibration: false) is { } raw ? raw with { Slope = -platt.Slope, Intercept = -platt.Offset } : null,
        _ => null,
    };

    private static MlNetScoreMap? OfMlNet(ITransformer transformer, bool useOwnCalibration)
    {
        if (transformer is IEnumerable<ITransformer> chain)
        {
            var steps = chain.ToArray();
            return steps.Length == 1 ? OfMlNet(steps[0], useOwnCalibration) : null;
        }

        if (transformer is not ISingleFeaturePredictionTransformer<object> { Model: { } parameters })
        {
            return null;
        }

        var calibrated = Ancestors(parameters.GetType())
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(CalibratedModelParametersBase<,>));
        if (calibrated is null)
        {
            return new MlNetScoreMap(parameters, 1, 0);
        }

        var subModel = calibrated.GetProperty(nameof(CalibratedModelParametersBase<object, PlattCalibrator>.SubModel), Declared)?.GetValue(parameters);
        var calibrator = calibrated.GetProperty(nameof(CalibratedModelParametersBase<object, PlattCalibrator>.Calibrator), Declared)?.GetValue(parameters);
        return (subModel, calibrator, useOwnCalibration) switch
        {
            (null, _, _) => null,
            (_, _, false) => new MlNetScoreMap(subModel, 1, 0),
            (_, PlattCalibrator platt, true) => new MlNetScoreMap(subModel, -platt.Slope, -platt.Offset),
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
