using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Modeling;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// A fitted pipeline whose log-odds of malignancy are linear in the data's features, written out:
/// logit p = <see cref="Intercept"/> + Σⱼ βⱼ xⱼ in the data's units (β = <see cref="FeatureCoefficient.PerUnit"/>), or
/// equally logit p = <see cref="InterceptAtMeans"/> + Σⱼ βⱼ sⱼ zⱼ with zⱼ = (xⱼ − x̄ⱼ)/sⱼ, the feature standardised by
/// the training rows' mean x̄ⱼ and sample SD sⱼ (βⱼ sⱼ = <see cref="FeatureCoefficient.PerSd"/>, the change in log-odds
/// for one training SD). The pipeline's steps (imputation by a fixed value, standardisation, selection) change each
/// feature on its own by an affine map, so the model's weights on its inputs fold into one coefficient per feature; a
/// feature a selection dropped gets 0. On rows with missing values the imputed value stands in for x.
/// </summary>
/// <param name="Features">One coefficient per feature of the data, in the data's order.</param>
/// <param name="Intercept">The log-odds of malignancy at x = 0 (every feature 0 in its own units).</param>
/// <param name="InterceptAtMeans">The log-odds of malignancy at the training rows' means.</param>
/// <param name="TrainingRows">The rows the means and SDs come from.</param>
public sealed record LinearCoefficients(IReadOnlyList<FeatureCoefficient> Features, double Intercept, double InterceptAtMeans, int TrainingRows)
{
    /// <summary>
    /// The coefficients of <paramref name="model"/>, fitted on <paramref name="training"/>; null when its log-odds are not
    /// linear in the features (a tree ensemble, an RBF kernel, a step that combines features).
    /// </summary>
    public static LinearCoefficients? Of(FittedPipeline model, BreastCancerData training)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(training);
        var count = training.FeatureNames.Count;
        if (ClassifierInputs.Sources(model, count) is not { } sources || LogOddsLinearModel.Of(model.Classifier) is not { } linear)
        {
            return null;
        }

        var zero = model.Transform([new double[count]])[0];
        var one = model.Transform([Enumerable.Repeat(1.0, count).ToArray()])[0];
        var perUnit = new double[count];
        var intercept = linear.Intercept;
        for (var k = 0; k < sources.Length; k++)
        {
            perUnit[sources[k]] += linear.Weights[k] * (one[k] - zero[k]);
            intercept += linear.Weights[k] * zero[k];
        }

        var rows = training.ToArray();
        var features = training.FeatureNames.Select((name, j) =>
        {
            var column = rows.Select(r => r[j]).Where(v => !double.IsNaN(v)).ToArray();
            var (mean, sd) = (column.Mean(), column.StandardDeviation());
            return new FeatureCoefficient(name, perUnit[j], perUnit[j] * sd, mean, sd);
        }).ToArray();
        return new LinearCoefficients(features, intercept, intercept + features.Sum(f => f.PerUnit * f.TrainingMean), rows.Length);
    }

    /// <summary>The log-odds of malignancy of <paramref name="row"/> (in the data's units) by the written-out formula.</summary>
    public double LogOdds(IReadOnlyList<double> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Intercept + Features.Select((f, j) => f.PerUnit * row[j]).Sum();
    }
}
