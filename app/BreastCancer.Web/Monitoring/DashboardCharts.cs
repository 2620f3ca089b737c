using System.Globalization;
using BreastCancer.Analysis.Charts;
using Microsoft.Extensions.Options;
using Plotly.NET;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// The dashboard's charts, built by the library's <see cref="MonitoringCharts"/> from the same records the monitoring
/// endpoints answer: the latest window's drift by feature, PSI and the predicted malignancy rate along the stream
/// (model changes marked), and live performance as outcomes arrive. A chart with nothing to draw yet says why.
/// </summary>
public sealed partial class DashboardCharts(MonitoringService monitoring, TimeProvider time, IOptions<MonitoringOptions> options, ILogger<DashboardCharts> logger)
{
    private readonly TimeSpan _refreshInterval = options.Value.ChartsRefreshSeconds is >= 0 and <= 3600 ? TimeSpan.FromSeconds(options.Value.ChartsRefreshSeconds)
        : throw new ArgumentOutOfRangeException(nameof(options), options.Value.ChartsRefreshSeconds, "Monitoring:ChartsRefreshSeconds is 0 to 3600 seconds");
    private readonly Lock _gate = new();
    private long _builtAt;
    private ((string ModelVersion, long Predictions, long Outcomes) Revision, DashboardChartSet Charts)? _last;
    private Task? _refresh;

    private static readonly (string Id, string Title) FeatureDrift = ("feature-drift", "Drift of the latest window by feature");
    private static readonly (string Id, string Title) DriftOverTime = ("drift-over-time", "Population stability index along the stream");
    private static readonly (string Id, string Title) PredictedRate = ("predicted-rate", "Predicted malignancy rate along the stream");
    private static readonly (string Id, string Title) Performance = ("performance", "Live performance as outcomes arrive");

    /// <summary>The charts' names on the page (<c>data-chart</c>) and titles, in page order.</summary>
    public static IReadOnlyList<(string Id, string Title)> Layout { get; } = [FeatureDrift, DriftOverTime, PredictedRate, Performance];

    /// <summary>
    /// The charts last built, at once (what <c>GET /api/monitoring/charts</c> answers): when the served model or the
    /// store's counts have moved since (<see cref="MonitoringService.Revision"/>), a rebuild starts in the background,
    /// one at a time and at least <see cref="MonitoringOptions.ChartsRefreshSeconds"/> after the last, and a later call
    /// gets it. Building the Plotly figures costs a few milliseconds of CPU (<see cref="FigureJson"/>), which no page load waits for; the
    /// set says which counts it was built at. Only a call before any build waits (none once the app is ready: it builds
    /// them as soon as its first model is served, <see cref="Models.ModelStartup"/>).
    /// </summary>
    public DashboardChartSet Latest()
    {
        var revision = monitoring.Revision();
        lock (_gate)
        {
            if (_last is { } last)
            {
                if (last.Revision != revision && _refresh is not { IsCompleted: false })
                {
                    var wait = _refreshInterval - time.GetElapsedTime(_builtAt);
                    _refresh = Task.Run(async () =>
                    {
                        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time).ConfigureAwait(false);
                        Build();
                    });
                }

                return last.Charts;
            }
        }

        return Current();
    }

    /// <summary>The charts at the store's current counts and the served model, built now unless the last build was made at them.</summary>
    public DashboardChartSet Current()
    {
        var revision = monitoring.Revision();
        lock (_gate)
        {
            if (_last is { } last && last.Revision == revision)
            {
                return last.Charts;
            }
        }

        var charts = BuildAt();
        lock (_gate)
        {
            (_last, _builtAt) = ((revision, charts), time.GetTimestamp());
        }

        return charts;
    }

    /// <summary>
    /// Builds the charts at the store's current counts, off any request (at start-up, and in the background): a store
    /// that cannot be read is logged, the last build stays served, and the next view tries again.
    /// </summary>
    public void Build()
    {
        try
        {
            Current();
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or Microsoft.Data.Sqlite.SqliteException)
        {
            LogBuildFailed(e);
        }
    }

    private DashboardChartSet BuildAt()
    {
        var drift = monitoring.Drift();
        var timeline = monitoring.Timeline();
        var tooFew = string.Create(CultureInfo.InvariantCulture,
            $"{drift.WindowRows} predictions so far; drift is measured once {drift.MinimumRows} have been made.");
        var noChecks = timeline.Drift.Checkpoints.Count == 0;
        return new DashboardChartSet(timeline.ModelVersion, timeline.Drift.Rows, timeline.Performance.Outcomes,
        [
            Chart(FeatureDrift, drift.Report is null ? null : MonitoringCharts.FeatureDrift(drift.Report), tooFew),
            Chart(DriftOverTime, noChecks ? null : MonitoringCharts.DriftOverTime(timeline.Drift, timeline.PredictionModelChanges), tooFew),
            Chart(PredictedRate, noChecks ? null : MonitoringCharts.PredictedRate(timeline.Drift, timeline.PredictionModelChanges), tooFew),
            Chart(Performance,
                timeline.Performance.Checkpoints.Count == 0 ? null : MonitoringCharts.PerformanceOverTime(timeline.Performance, timeline.OutcomeModelChanges),
                "No confirmed outcome yet: report biopsy results with POST /api/outcomes."),
        ]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard's charts could not be built off a request; the last build, if any, is served and the next view tries again")]
    private partial void LogBuildFailed(Exception exception);

    private static DashboardChart Chart((string Id, string Title) place, GenericChart? chart, string missing)
    {
        if (chart is null)
        {
            return new DashboardChart(place.Id, place.Title, null, missing);
        }

        return new DashboardChart(place.Id, place.Title, FigureJson.Of(chart), null);
    }
}
