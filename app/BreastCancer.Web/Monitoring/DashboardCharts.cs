using System.Globalization;
using System.Text.Json;
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
    /// <summary>The charts, in page order.</summary>
    public DashboardChartSet Build()
    {
        var drift = monitoring.Drift();
        var timeline = monitoring.Timeline();
        var tooFew = string.Create(CultureInfo.InvariantCulture,
            $"{drift.WindowRows} predictions so far; drift is measured once {drift.MinimumRows} have been made.");
        var noChecks = timeline.Drift.Checkpoints.Count == 0;
        return new DashboardChartSet(timeline.ModelVersion,
        [
            Chart("feature-drift", "Drift of the latest window by feature", drift.Report is null ? null : MonitoringCharts.FeatureDrift(drift.Report), tooFew),
            Chart("drift-over-time", "Population stability index along the stream", noChecks ? null : MonitoringCharts.DriftOverTime(timeline.Drift, timeline.PredictionModelChanges), tooFew),
            Chart("predicted-rate", "Predicted malignancy rate along the stream", noChecks ? null : MonitoringCharts.PredictedRate(timeline.Drift, timeline.PredictionModelChanges), tooFew),
            Chart("performance", "Live performance as outcomes arrive",
                timeline.Performance.Checkpoints.Count == 0 ? null : MonitoringCharts.PerformanceOverTime(timeline.Performance, timeline.OutcomeModelChanges),
                "No confirmed outcome yet: report biopsy results with POST /api/outcomes."),
        ]);
    }

    private static DashboardChart Chart(string id, string title, GenericChart? chart, string missing)
    {
        if (chart is null)
        {
            return new DashboardChart(id, title, null, missing);
        }

        using var figure = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        return new DashboardChart(id, title, figure.RootElement.Clone(), null);
    }
}
