using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Calibrators;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// The ML.NET model parameters that compute a model's raw score s (ML.NET's <c>Score</c>), and an affine map from s to
/// log-odds of malignancy, ln(p / (1 − p)) = <see cref="Slope"/>·s + <see cref="Intercept"/>: the identity for the raw
/// score itself, a = −A and b = −B for the model's own Platt calibration p = 1 / (1 + e^(A·s + B)) (logistic
/// regression, FastTree, LightGBM), a = 1 and b = 0 for a model without calibration (the linear SVM), whose
/// probability is the logistic of s. A calibrated model is unwrapped through its generic base
/// <c>CalibratedModelParametersBase&lt;TSubModel, TCalibrator&gt;</c>, whose <c>SubModel</c> and <c>Calibrator</c> are
/// public but typed by parameters that differ for trained and loaded models. Read from an <see cref="MlNetForm"/>.
/// </summary>
/// <param name="Parameters">The model parameters that compute s (e.g. <c>LinearBinaryModelParameters</c>, a tree ensemble's).</param>
/// <param name="Slope">a in logit p = a·s + b.</param>
/// <param name="Intercept">b in logit p = a·s + b.</param>
public sealed record MlNetScoreMap(object Parameters, double Slope, double Intercept)
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly;

    /// <summary>
    /// The parameters of <paramref name="transformer"/>'s raw score with the map of its own calibration
    /// (<paramref name="useOwnCalibration"/>) or the identity; null when the transformer is not one prediction
    /// transformer, or its own calibration is not Platt's.
    /// </summary>
    internal static MlNetScoreMap? Of(ITransformer transformer, bool useOwnCalibration)
    {
        if (transformer is IEnumerable<ITransformer> chain)
        {
            var steps = chain.ToArray();
            return steps.Length == 1 ? Of(steps[0], useOwnCalibration) : null;
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
