using System.Diagnostics;

namespace BreastCancer.Web.Monitoring;

/// <summary>The middleware that counts every request in <see cref="ServiceMetrics"/> by its route's pattern (so that labels stay few) and status.</summary>
public static class RequestMetrics
{
    /// <summary>The route label of a request that matched no endpoint (static files, 404s).</summary>
    public const string Unmatched = "other";

    /// <summary>Adds the middleware; it must follow routing, so that each request's endpoint is known.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metrics = app.ApplicationServices.GetRequiredService<ServiceMetrics>();
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                await next(context);
            }
            finally
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
                metrics.Request(route, context.Response.StatusCode, Stopwatch.GetElapsedTime(start), route == "/api/predict");
            }
        });
    }
}
