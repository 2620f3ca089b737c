using System.Globalization;
using System.Text.Json.Nodes;
using BreastCancer.Analysis.Charts;
using Plotly.NET;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// The dashboard's charts, built by the library's <see cref="MonitoringCharts"/> from the same records the monitoring
/// endpoints answer: the latest window's drift by feature, PSI and the predicted malignancy rate along the stream
/// (model changes marked), and live performance as outcomes arrive. A chart with nothing to draw yet says why.
/// </summary>
public sealed class DashboardCharts(MonitoringService monitoring)
{
    private readonly Lock _gate = new();
    private ((string ModelVersion, long Predictions, long Outcomes) Revision, DashboardChartSet Charts)? _last;

    private static readonly (string Id, string Title) FeatureDrift = ("feature-drift", "Drift of the latest window by feature");
    private static readonly (string Id, string Title) DriftOverTime = ("drift-over-time", "Population stability index along the stream");
    private static readonly (string Id, string Title) PredictedRate = ("predicted-rate", "Predicted malignancy rate along the stream");
    private static readonly (string Id, string Title) Performance = ("performance", "Live performance as outcomes arrive");

    /// <summary>The charts' names on the page (<c>data-chart</c>) and titles, in page order.</summary>
    public static IReadOnlyList<(string Id, string Title)> Layout { get; } = [FeatureDrift, DriftOverTime, PredictedRate, Performance];

    /// <summary>
    /// The charts, in page order: built again only when the served model or the store's counts have changed since the
    /// last build (<see cref="MonitoringService.Revision"/>), so that reloading the dashboard between predictions costs
    /// nothing but the answer.
    /// </summary>
    public DashboardChartSet Build()
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
            _last = (revision, charts);
        }

        return charts;
    }

    private DashboardChartSet BuildAt()
    {
        var drift = monitoring.Drift();
        var timeline = monitoring.Timeline();
        var tooFew = string.Create(CultureInfo.InvariantCulture,
            $"{drift.WindowRows} predictions so far; drift is measured once {drift.MinimumRows} have been made.");
        var noChecks = timeline.Drift.Checkpoints.Count == 0;
        return new DashboardChartSet(timeline.ModelVersion,
        [
            Chart(FeatureDrift, drift.Report is null ? null : MonitoringCharts.FeatureDrift(drift.Report), tooFew),
            Chart(DriftOverTime, noChecks ? null : MonitoringCharts.DriftOverTime(timeline.Drift, timeline.PredictionModelChanges), tooFew),
            Chart(PredictedRate, noChecks ? null : MonitoringCharts.PredictedRate(timeline.Drift, timeline.PredictionModelChanges), tooFew),
            Chart(Performance,
                timeline.Performance.Checkpoints.Count == 0 ? null : MonitoringCharts.PerformanceOverTime(timeline.Performance, timeline.OutcomeModelChanges),
                "No confirmed outcome yet: report biopsy results with POST /api/outcomes."),
        ]);
    }

    private static DashboardChart Chart((string Id, string Title) place, GenericChart? chart, string missing)
    {
        if (chart is null)
        {
            return new DashboardChart(place.Id, place.Title, null, missing);
        }

        return new DashboardChart(place.Id, place.Title, JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject(), null);
    }
}
