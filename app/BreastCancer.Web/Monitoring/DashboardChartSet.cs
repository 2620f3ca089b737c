namespace BreastCancer.Web.Monitoring;

/// <summary>The dashboard's charts for the served model.</summary>
/// <param name="ModelVersion">The served model.</param>
/// <param name="Predictions">The predictions stored when the charts were built: the latest position they show.</param>
/// <param name="Outcomes">The confirmed outcomes stored when the charts were built.</param>
/// <param name="Charts">The charts, in page order.</param>
public sealed record DashboardChartSet(string ModelVersion, long Predictions, long Outcomes, IReadOnlyList<DashboardChart> Charts);
