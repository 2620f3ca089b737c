using BreastCancer.Analysis.Modeling;
using Microsoft.ML.Trainers;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted classifier whose log-odds of malignancy are linear in its inputs: logit p = w·x + c. ML.NET's linear models
/// score s = v·x + b, and the classifier's log-odds are an affine map of the score, logit p = a·s + d
/// (<see cref="LogOddsScore"/>: logistic regression's fixed Platt map, a Platt-calibrated linear SVM's fitted one), so
/// w = a·v and c = a·b + d.
/// </summary>
/// <param name="Weights">w, one per classifier input.</param>
/// <param name="Intercept">c.</param>
internal sealed record LogOddsLinearModel(double[] Weights, double Intercept)
{
    /// <summary>The linear log-odds of <paramref name="classifier"/>, or null when they are not linear in its inputs.</summary>
    public static LogOddsLinearModel? Of(IFittedClassifier classifier) =>
        LogOddsScore.Of(classifier) is { Parameters: LinearBinaryModelParameters linear } score
            ? new LogOddsLinearModel([.. linear.Weights.Select(v => score.Slope * v)], (score.Slope * linear.Bias) + score.Intercept)
            : null;
}
