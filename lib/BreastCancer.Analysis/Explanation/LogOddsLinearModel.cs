using BreastCancer.Analysis.Modeling;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted classifier whose log-odds of malignancy are linear in its inputs: logit p = w·x + c. ML.NET's logistic
/// regression scores s = v·x + b and calibrates with p = 1 / (1 + exp(A·s + B)) (its fixed Platt map); a linear SVM
/// calibrated by <see cref="PlattScaling"/> does the same with fitted A and B. Either way logit p = −A·s − B, so
/// w = −A·v and c = −A·b − B.
/// </summary>
/// <param name="Weights">w, one per classifier input.</param>
/// <param name="Intercept">c.</param>
internal sealed record LogOddsLinearModel(double[] Weights, double Intercept)
{
    /// <summary>The linear log-odds of <paramref name="classifier"/>, or null when they are not linear in its inputs.</summary>
    public static LogOddsLinearModel? Of(IFittedClassifier classifier) => classifier switch
    {
        FittedMlNetClassifier { Model: ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated } } =>
            Compose(calibrated.SubModel, calibrated.Calibrator.Slope, calibrated.Calibrator.Offset),
        FittedCalibratedClassifier { Inner: FittedMlNetClassifier { Model: ISingleFeaturePredictionTransformer<object> { Model: LinearBinaryModelParameters linear } }, Calibrator: PlattScaling platt } =>
            Compose(linear, platt.Slope, platt.Offset),
        _ => null,
    };

    private static LogOddsLinearModel Compose(LinearBinaryModelParameters linear, double slope, double offset) =>
        new([.. linear.Weights.Select(v => -slope * v)], -slope * linear.Bias - offset);
}
