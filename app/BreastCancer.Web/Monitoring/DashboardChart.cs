using System.Text.Json.Nodes;

namespace BreastCancer.Web.Monitoring;

/// <summary>One chart of the monitoring dashboard, as plotly.js draws it.</summary>
/// <param name="Id">The chart's name on the page (<c>data-chart</c>).</param>
/// <param name="Title">What it shows.</param>
/// <param name="Figure">The Plotly figure (<c>data</c> and <c>layout</c>), or null when there is nothing to draw yet.</param>
/// <param name="Missing">Why there is nothing to draw yet, or null when there is a figure.</param>
public sealed record DashboardChart(string Id, string Title, JsonObject? Figure, string? Missing);
