using BreastCancer.Analysis.Monitoring;
using BreastCancer.Web.Models;
using BreastCancer.Web.Monitoring;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BreastCancer.Web.Pages;

/// <summary>
/// The monitoring dashboard: the served model, the store's counts, the latest window's drift (the features that moved,
/// the predicted malignancy rate) and live performance as tables rendered on the server, and the charts of
/// <see cref="DashboardCharts"/>, drawn by <c>/js/dashboard.js</c> (the tables stand without JavaScript).
/// </summary>
public sealed class DashboardModel(ModelHolder holder, MonitoringService monitoring, PredictionStore store) : PageModel
{
    /// <summary>The model served.</summary>
    public ModelSnapshot Snapshot { get; } = holder.Current;

    /// <summary>The latest window's drift.</summary>
    public DriftStatus Drift { get; private set; } = null!;

    /// <summary>Live performance over the latest outcomes.</summary>
    public LivePerformance Performance { get; private set; } = null!;

    /// <summary>Predictions and outcomes stored.</summary>
    public (long Predictions, long Outcomes) Counts { get; private set; }

    /// <summary>Reads the store.</summary>
    public void OnGet()
    {
        Drift = monitoring.Drift();
        Performance = monitoring.Performance();
        Counts = store.Counts();
    }
}
