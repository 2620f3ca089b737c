using BreastCancer.Analysis.Monitoring;
using BreastCancer.Web.Models;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// Drift and live performance of the served model, from the monitoring store: the latest window of predictions against
/// the model's training rows (<see cref="DriftDetector"/>: PSI and Kolmogorov–Smirnov per feature, the predicted
/// malignancy rate), and the latest window of confirmed outcomes (<see cref="LivePerformance"/>). The detector of a
/// model version is built once, from the snapshot's training rows and the probabilities computed for them at load.
/// </summary>
public sealed class MonitoringService(PredictionStore store, ModelHolder holder, IOptions<MonitoringOptions> options)
{
    private readonly MonitoringOptions _options = options.Value;
    private readonly Lock _build = new();
    private (string Version, DriftDetector Detector)? _detector;

    /// <summary>The drift of the latest window, or null (with the window's size) while it holds fewer predictions than the minimum.</summary>
    public DriftStatus Drift()
    {
        var window = store.Recent(_options.Window);
        if (window.Count < _options.MinimumWindow)
        {
            return new DriftStatus(window.Count, _options.MinimumWindow, null);
        }

        var report = Detector(holder.Current).Check([.. window.Select(p => p.Features.ToArray())], [.. window.Select(p => p.Probability)]);
        return new DriftStatus(window.Count, _options.MinimumWindow, report);
    }

    /// <summary>Sensitivity, specificity and ROC AUC over the latest window of predictions with a confirmed outcome.</summary>
    public LivePerformance Performance()
    {
        var labelled = store.RecentLabelled(_options.Window);
        return LivePerformance.Compute([.. labelled.Select(l => l.Prediction.Probability)], [.. labelled.Select(l => l.Prediction.Biopsy)], [.. labelled.Select(l => l.Malignant)]);
    }

    /// <summary>
    /// Drift and live performance along the latest <see cref="MonitoringOptions.TimelineLength"/> predictions and outcomes,
    /// a point every <see cref="MonitoringOptions.TimelineStep"/>, each over the usual window; positions count from the store's first prediction (outcome).
    /// </summary>
    public MonitoringTimeline Timeline()
    {
        var recent = store.Recent(_options.TimelineLength);
        var labelled = store.RecentLabelled(_options.TimelineLength);
        var (predictions, outcomes) = store.Counts();
        var drift = DriftTimeline.Compute(Detector(holder.Current), [.. recent.Select(p => p.Features.ToArray())], [.. recent.Select(p => p.Probability)],
            _options.Window, _options.TimelineStep, (int)(predictions - recent.Count));
        var performance = PerformanceTimeline.Compute([.. labelled.Select(l => l.Prediction.Probability)], [.. labelled.Select(l => l.Prediction.Biopsy)],
            [.. labelled.Select(l => l.Malignant)], _options.Window, _options.TimelineStep, (int)(outcomes - labelled.Count));
        return new MonitoringTimeline(holder.Current.Version, drift, performance,
            Changes([.. recent.Select(p => p.ModelVersion)], drift.Rows - recent.Count), Changes([.. labelled.Select(l => l.Prediction.ModelVersion)], performance.Outcomes - labelled.Count));
    }

    private static StreamMark[] Changes(IReadOnlyList<string> versions, int before) =>
        [.. Enumerable.Range(1, Math.Max(0, versions.Count - 1)).Where(i => versions[i] != versions[i - 1]).Select(i => new StreamMark(before + i, "model " + versions[i]))];

    private DriftDetector Detector(ModelSnapshot snapshot)
    {
        lock (_build)
        {
            if (_detector is not { } built || built.Version != snapshot.Version)
            {
                var thresholds = new DriftThresholds(_options.PsiAlert, _options.KsAlpha, _options.RateAlpha, _options.MinimumWindow);
                built = (snapshot.Version, DriftDetector.ForModel(snapshot.Card, snapshot.TrainingRows, snapshot.TrainingProbabilities, thresholds));
                _detector = built;
            }

            return built.Detector;
        }
    }
}

/// <summary>A drift check of the latest window.</summary>
/// <param name="WindowRows">The predictions in the window.</param>
/// <param name="MinimumRows">The fewest a check needs.</param>
/// <param name="Report">The drift report, or null while the window is smaller than <paramref name="MinimumRows"/>.</param>
public sealed record DriftStatus(int WindowRows, int MinimumRows, DriftReport? Report);
