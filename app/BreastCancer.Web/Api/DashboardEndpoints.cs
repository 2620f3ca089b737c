using BreastCancer.Analysis.Display;
using BreastCancer.Web.Monitoring;
using BreastCancer.Web.OpenApi;

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
        app.MapGet("/api/monitoring/timeline", (MonitoringService monitoring) => TypedResults.Ok(monitoring.Timeline()))
            .WithName("getMonitoringTimeline").WithTags(ApiTags.Monitoring)
            .WithSummary("Drift and live performance along the stream")
            .WithDescription("The drift checks at every multiple of `Monitoring:TimelineStep` predictions over the latest `Monitoring:TimelineLength`, and at the latest, "
                + "and the performance measurements likewise over the outcomes, with the model changes marked: the data behind the dashboard's charts.");
        app.MapGet("/api/monitoring/charts", (DashboardCharts charts) => TypedResults.Ok(charts.Latest()))
            .WithName("getDashboardCharts").WithTags(ApiTags.Monitoring)
            .WithSummary("The dashboard's Plotly figures")
            .WithDescription("The four charts the dashboard draws (PSI by feature, PSI along the stream, the predicted malignancy rate, live performance), as Plotly figures, "
                + "as last built: `predictions` and `outcomes` give the store's counts they were built at. When the store has moved since, they are built again in the background for the next call.");
        app.MapGet(PlotlyJsPath, (HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Bytes(PlotlyBundle.Bytes, "text/javascript; charset=utf-8");
        }).ServedWithoutModel().ExcludeFromDescription();
        return app;
    }
}
