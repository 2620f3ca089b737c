using System.Diagnostics;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// The middleware that counts every request in <see cref="ServiceMetrics"/> by its route's pattern (so that labels stay
/// few) and the status the client received. It runs outside the exception handler, so that a request that failed is
/// counted with the status the handler answered (a 500, or the 4xx of a body the server refused), not the 200 the
/// response held when the exception was thrown; <see cref="UseRequestRoute"/>, after routing, tells it the route.
/// </summary>
public static class RequestMetrics
{
    /// <summary>The route label of a request that matched no endpoint (static files, 404s).</summary>
    public const string Unmatched = "other";

    /// <summary>Adds the counting middleware; it must come before the exception handler.</summary>
    public static IApplicationBuilder UseRequestMetrics(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var metrics = app.ApplicationServices.GetRequiredService<ServiceMetrics>();
        return app.Use(async (context, next) =>
        {
            var start = Stopwatch.GetTimestamp();
            var route = new MatchedRoute();
            context.Features.Set(route);
            var status = 0;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            catch when (!context.Response.HasStarted)
            {
                status = StatusCodes.Status500InternalServerError;
                throw;
            }
            finally
            {
                var pattern = route.Pattern ?? Unmatched;
                metrics.Request(pattern, status == 0 ? context.Response.StatusCode : status, Stopwatch.GetElapsedTime(start), pattern == "/api/predict");
            }
        });
    }

    /// <summary>Records the matched route's pattern for <see cref="UseRequestMetrics"/>; it must follow routing.</summary>
    public static IApplicationBuilder UseRequestRoute(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use((context, next) =>
        {
            if (context.Features.Get<MatchedRoute>() is { } route)
            {
                route.Pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            }

            return next(context);
        });
    }

    /// <summary>The route a request matched, filled in after routing and read when the request ends.</summary>
    private sealed class MatchedRoute
    {
        public string? Pattern { get; set; }
    }
}
