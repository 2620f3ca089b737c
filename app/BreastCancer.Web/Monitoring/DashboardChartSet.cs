namespace BreastCancer.Web.Monitoring;

/// <summary>The dashboard's charts for the served model.</summary>
/// <param name="ModelVersion">The served model.</param>
/// <param name="Charts">The charts, in page order.</param>
public sealed record DashboardChartSet(string ModelVersion, IReadOnlyList<DashboardChart> Charts);
