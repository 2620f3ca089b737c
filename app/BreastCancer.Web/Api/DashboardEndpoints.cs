using BreastCancer.Analysis.Display;
using BreastCancer.Web.Monitoring;

namespace BreastCancer.Web.Api;

/// <summary>
/// The dashboard's data: <c>GET /api/monitoring/timeline</c> (drift and live performance along the stream),
/// <c>GET /api/monitoring/charts</c> (the dashboard's Plotly figures) and <c>GET /js/plotly.min.js</c> (<see cref="PlotlyBundle"/>,
/// served from the app itself, so that the page needs no CDN and no inline script).
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>Where the app serves plotly.js.</summary>
    public const string PlotlyJsPath = "/js/plotly.min.js";

    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/monitoring/timeline", (MonitoringService monitoring) => TypedResults.Ok(monitoring.Timeline()));
        app.MapGet("/api/monitoring/charts", (DashboardCharts charts) => TypedResults.Ok(charts.Build()));
        app.MapGet(PlotlyJsPath, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Bytes(PlotlyBundle.Bytes, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
