using MathNet.Numerics;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// A probability moved to a population with another share of malignant tumours (a prior shift: the same tumours look
/// the same, only how common they are changes; Saerens et al. 2002, Neural Comput. 14:21–41; Steyerberg, Clinical
/// Prediction Models, 2nd ed., ch. 20): the odds are multiplied by the ratio of the new prior odds to the training
/// rows' prior odds, logit p′ = logit p + logit π′ − logit π. Sensitivity and specificity at a threshold moved the same
/// way do not change; the probabilities, and so the predictive values, do.
/// </summary>
/// <param name="TrainingPrevalence">π, the share malignant the model was fitted on, in (0, 1).</param>
/// <param name="TargetPrevalence">π′, the share malignant of the population the probabilities are for, in (0, 1).</param>
public sealed record PrevalenceRecalibration(double TrainingPrevalence, double TargetPrevalence)
{
    /// <summary>The log of the ratio of prior odds added to every logit.</summary>
    public double LogOddsShift => SpecialFunctions.Logit(TargetPrevalence) - SpecialFunctions.Logit(TrainingPrevalence);

    /// <summary>The recalibration from <paramref name="trainingPrevalence"/> to <paramref name="targetPrevalence"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A prevalence is not strictly between 0 and 1.</exception>
    public static PrevalenceRecalibration For(double trainingPrevalence, double targetPrevalence)
    {
        foreach (var (value, name) in new[] { (trainingPrevalence, nameof(trainingPrevalence)), (targetPrevalence, nameof(targetPrevalence)) })
        {
            if (value is not (> 0 and < 1))
            {
                throw new ArgumentOutOfRangeException(name, value, "a prevalence must be strictly between 0 and 1");
            }
        }

        return new PrevalenceRecalibration(trainingPrevalence, targetPrevalence);
    }

    /// <summary><paramref name="probability"/> (0–1) in the target population.</summary>
    public double Apply(double probability) => probability switch
    {
        <= 0 => 0,
        >= 1 => 1,
        _ => SpecialFunctions.Logistic(SpecialFunctions.Logit(probability) + LogOddsShift),
    };
}
