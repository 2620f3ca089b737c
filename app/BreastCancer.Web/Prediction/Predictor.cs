using BreastCancer.Analysis.Explanation;
using BreastCancer.Web.Models;
using BreastCancer.Web.Monitoring;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// Scores validated patients with one model snapshot: probability (by the snapshot's <see cref="ModelSnapshot.Scorer"/>,
/// equal to the saved model's <c>PredictProbability</c> without its fixed cost per call), decision at the card's threshold, the top SHAP
/// contributions in log-odds (none for a model explained in probability, the random forest), and the range warnings. A prediction's id is a version-7 UUID (RFC 9562 §5.7: the prediction's Unix
/// time in milliseconds, then random bits), so that ids arrive in time order and the store's primary-key index grows at
/// its end instead of at a random page per insert (which halved the store's CPU per prediction, bench/README.md).
/// Every prediction is recorded in the monitoring store (a call's predictions
/// whole, in a transaction it may share with other calls: group commit) before it is returned, so that each id a caller
/// receives can take an outcome.
/// </summary>
public sealed class Predictor(IOptions<PredictionOptions> options, PredictionStore store, ServiceMetrics metrics, TimeProvider time)
{
    private readonly int _top = options.Value.TopContributions;

    /// <summary>The predictions of <paramref name="patients"/> (each valid, its values in the card's order) by <paramref name="snapshot"/>, recorded in the store.</summary>
    public async Task<IReadOnlyList<PatientPrediction>> PredictAsync(ModelSnapshot snapshot, IReadOnlyList<PatientCheck> patients)
    {
        var now = time.GetUtcNow();
        var predictions = Score(snapshot, patients, now);
        await store.RecordAsync([.. predictions.Select((p, r) => new PredictionRecord(p.PredictionId, now, p.ModelVersion, patients[r].Values!, p.Probability, p.BiopsyRecommended, p.Case))])
            .ConfigureAwait(false);
        metrics.Predictions(predictions.Count(p => p.BiopsyRecommended), predictions.Count(p => !p.BiopsyRecommended));
        return predictions;
    }

    /// <summary>
    /// The predictions of <paramref name="patients"/> (each valid, its values in the card's order) by <paramref name="snapshot"/>,
    /// their ids of time <paramref name="now"/>, not recorded: what <see cref="PredictAsync"/> records and answers, and what the
    /// OpenAPI document shows as its examples.
    /// </summary>
    public IReadOnlyList<PatientPrediction> Score(ModelSnapshot snapshot, IReadOnlyList<PatientCheck> patients, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(patients);
        var rows = patients.Select((p, i) => p.Values ?? throw new ArgumentException($"patient {i + 1} did not pass validation", nameof(patients))).ToArray();
        var probabilities = new double[rows.Length];
        snapshot.Scorer.Probabilities(rows, probabilities);
        var decisions = snapshot.Model.Decide(probabilities);
        var shap = snapshot.Explainer?.Explain(rows);
        return [.. rows.Select((row, r) => new PatientPrediction(
            Guid.CreateVersion7(now),
            probabilities[r],
            decisions[r],
            decisions[r] ? PatientPrediction.Recommended : PatientPrediction.NotRecommended,
            snapshot.Card.Threshold.Threshold,
            snapshot.Version,
            Uncertainty.Of(snapshot.Uncertainty, probabilities[r]),
            shap is null ? null : Explain(shap, r),
            patients[r].Warnings,
            patients[r].Case))];
    }

    private PredictionExplanation Explain(ShapExplanation shap, int row)
    {
        var values = shap.Values[row];
        var order = Enumerable.Range(0, values.Length).OrderByDescending(f => Math.Abs(values[f])).ThenBy(f => f).ToArray();
        var top = order.Take(_top).Select(f => new Contribution(shap.FeatureNames[f], shap.FeatureValues[row][f], values[f], values[f] > 0 ? "towards malignant" : "towards benign"));
        return new PredictionExplanation(shap.Method, shap.BaseValue, [.. top], order.Skip(_top).Sum(f => values[f]));
    }
}
