using System.Collections.Concurrent;
using System.Globalization;
using BreastCancer.Analysis.Monitoring;
using BreastCancer.Web.Models;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// Drift and live performance of the served model, from the monitoring store: the latest window of predictions against
/// the model's training rows (<see cref="DriftDetector"/>: PSI and Kolmogorov–Smirnov per feature, the predicted
/// malignancy rate), and the latest window of confirmed outcomes (<see cref="LivePerformance"/>). The detector of a
/// model version is built once, from the snapshot's training rows and the probabilities computed for them at load.
/// <para>
/// Every check is made once: the store only appends, so the window that ends at a given position never changes, and
/// each check is kept in memory, by its end (and, for drift, the model version it is measured against), until it falls
/// out of the timeline. A check whose window ends on a multiple of the timeline's step is also written to the
/// <see cref="CheckStore"/> when it is made, so that after a restart it is read back, not made again. A view reads the
/// predictions only for the windows of checks neither kept nor stored (after a prediction, the latest window alone, of
/// which only the new rows come from SQLite: <see cref="RecentRows{TRow}"/>), so what it costs does not grow with the
/// history.
/// </para>
/// </summary>
public sealed class MonitoringService(PredictionStore store, CheckStore checks, ModelHolder holder, IOptions<MonitoringOptions> options)
{
    private const string DriftKind = "drift";
    private const string PerformanceKind = "performance";
    private readonly MonitoringOptions _options = options.Value;

    /// <summary>The settings a stored drift check was made under (<see cref="CheckStore"/>): its window and thresholds.</summary>
    private readonly string _driftSettings = string.Create(CultureInfo.InvariantCulture,
        $"window={options.Value.Window};psi={options.Value.PsiAlert:R};ks={options.Value.KsAlpha:R};rate={options.Value.RateAlpha:R};minimum={options.Value.MinimumWindow}");

    /// <summary>The settings a stored performance check was made under: its window.</summary>
    private readonly string _performanceSettings = string.Create(CultureInfo.InvariantCulture, $"window={options.Value.Window}");
    private readonly Lock _build = new();
    private readonly ConcurrentDictionary<(string Version, long End), DriftReport> _drift = new();
    private readonly ConcurrentDictionary<(string Version, long End), LivePerformance> _performance = new();
    private readonly RecentRows<PredictionRecord> _predictions = new(store.Between, options.Value.Window);
    private readonly RecentRows<LabelledPrediction> _labelled = new(store.LabelledBetween, options.Value.Window);
    private (string Version, DriftDetector Detector)? _detector;

    /// <summary>What every monitoring view depends on: the served model's version and the store's counts of predictions and outcomes. Views made at the same revision are the same.</summary>
    public (string ModelVersion, long Predictions, long Outcomes) Revision()
    {
        var (predictions, outcomes) = store.Counts();
        return (holder.Current.Version, predictions, outcomes);
    }

    /// <summary>The drift of the latest window, or null (with the window's size) while it holds fewer predictions than the minimum.</summary>
    public DriftStatus Drift()
    {
        var (predictions, _) = store.Counts();
        var rows = (int)Math.Min(predictions, _options.Window);
        return new DriftStatus(rows, _options.MinimumWindow, rows < _options.MinimumWindow ? null : DriftChecks(holder.Current, [predictions])[0].Report);
    }

    /// <summary>Sensitivity, specificity and ROC AUC over the latest window of predictions with a confirmed outcome.</summary>
    public LivePerformance Performance()
    {
        var (_, outcomes) = store.Counts();
        return outcomes == 0 ? LivePerformance.Compute([], [], []) : PerformanceChecks([outcomes])[0].Performance;
    }

    /// <summary>
    /// Drift and live performance along the latest <see cref="MonitoringOptions.TimelineLength"/> predictions and outcomes:
    /// a check at every multiple of <see cref="MonitoringOptions.TimelineStep"/> and at the latest position, each over
    /// the usual window ending there; positions count from the store's first prediction (outcome).
    /// </summary>
    public MonitoringTimeline Timeline()
    {
        var snapshot = holder.Current;
        var (predictions, outcomes) = store.Counts();
        var (firstPrediction, firstOutcome) = (Math.Max(0, predictions - _options.TimelineLength), Math.Max(0, outcomes - _options.TimelineLength));
        var driftEnds = Ends(firstPrediction, predictions).Where(end => Math.Min(end, _options.Window) >= _options.MinimumWindow).ToArray();
        var drift = new DriftTimeline((int)predictions, _options.Window, _options.TimelineStep, DriftChecks(snapshot, driftEnds));
        var performance = new PerformanceTimeline((int)outcomes, _options.Window, _options.TimelineStep, PerformanceChecks(Ends(firstOutcome, outcomes)));
        return new MonitoringTimeline(snapshot.Version, drift, performance,
            Changes(store.VersionsBetween(firstPrediction + 1, predictions), firstPrediction),
            Changes(store.OutcomeVersionsBetween(firstOutcome + 1, outcomes), firstOutcome));
    }

    /// <summary>The multiples of the step after <paramref name="first"/> and up to <paramref name="last"/>, and <paramref name="last"/> itself.</summary>
    private long[] Ends(long first, long last)
    {
        var step = _options.TimelineStep;
        var ends = new List<long>();
        for (var end = (first / step + 1) * step; end < last; end += step)
        {
            ends.Add(end);
        }

        if (last > first)
        {
            ends.Add(last);
        }

        return [.. ends];
    }

    /// <summary>The drift checks ending at <paramref name="ends"/> (ascending), against <paramref name="snapshot"/>'s training rows.</summary>
    private DriftCheckpoint[] DriftChecks(ModelSnapshot snapshot, long[] ends)
    {
        var detector = Detector(snapshot);
        return [.. Kept(_drift, DriftKind, _driftSettings, snapshot.Version, ends, _predictions.Between, window => detector.Check([.. window.Select(p => p.Features.ToArray())], [.. window.Select(p => p.Probability)]))
            .Select((report, i) => new DriftCheckpoint((int)ends[i], report))];
    }

    /// <summary>The live-performance checks ending at outcome positions <paramref name="ends"/> (ascending).</summary>
    private PerformanceCheckpoint[] PerformanceChecks(long[] ends) =>
        [.. Kept(_performance, PerformanceKind, _performanceSettings, "", ends, _labelled.Between,
                window => LivePerformance.Compute([.. window.Select(l => l.Prediction.Probability)], [.. window.Select(l => l.Prediction.Biopsy)], [.. window.Select(l => l.Malignant)]))
            .Select((performance, i) => new PerformanceCheckpoint((int)ends[i], performance))];

    /// <summary>
    /// The checks ending at <paramref name="ends"/> (ascending) kept in <paramref name="kept"/> under <paramref name="version"/>:
    /// those not kept are read from the <see cref="CheckStore"/> (as <paramref name="kind"/> made under
    /// <paramref name="settings"/>), those not stored either are made by <paramref name="check"/> on their windows, from
    /// one <paramref name="read"/> of the store (positions from, to), and stored when they end on a multiple of the
    /// step; then checks of other versions, that have left the timeline, or that end between two steps before the
    /// latest, are dropped.
    /// </summary>
    private TCheck[] Kept<TRow, TCheck>(ConcurrentDictionary<(string Version, long End), TCheck> kept, string kind, string settings, string version, IReadOnlyList<long> ends,
        Func<long, long, IReadOnlyList<TRow>> read, Func<TRow[], TCheck> check)
    {
        var missing = ends.Where(end => !kept.ContainsKey((version, end))).ToArray();
        if (missing.Length > 0)
        {
            foreach (var (end, stored) in checks.Read<TCheck>(kind, settings, version, [.. missing.Where(end => end % _options.TimelineStep == 0)]))
            {
                kept[(version, end)] = stored;
            }

            var unmade = missing.Where(end => !kept.ContainsKey((version, end))).ToArray();
            if (unmade.Length > 0)
            {
                var from = Math.Max(1, unmade[0] - _options.Window + 1);
                var rows = read(from, unmade[^1]);
                var made = unmade.Select(end =>
                {
                    var start = Math.Max(from, end - _options.Window + 1);
                    return (End: end, Check: check([.. rows.Skip((int)(start - from)).Take((int)(end - start + 1))]));
                }).ToArray();
                foreach (var (end, fresh) in made)
                {
                    kept[(version, end)] = fresh;
                }

                checks.Write(kind, settings, version, [.. made.Where(m => m.End % _options.TimelineStep == 0)]);
            }

            var keep = ends[^1] - _options.TimelineLength - _options.TimelineStep;
            foreach (var stale in kept.Keys.Where(k => k.End < keep || k.Version != version || (k.End % _options.TimelineStep != 0 && k.End < ends[^1])))
            {
                kept.TryRemove(stale, out _);
            }
        }

        return [.. ends.Select(end => kept[(version, end)])];
    }

    private static StreamMark[] Changes(IReadOnlyList<string> versions, long before) =>
        [.. Enumerable.Range(1, Math.Max(0, versions.Count - 1)).Where(i => versions[i] != versions[i - 1]).Select(i => new StreamMark((int)before + i, "model " + versions[i]))];

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
