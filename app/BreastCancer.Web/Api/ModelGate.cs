using System.Globalization;
using BreastCancer.Web.Models;

namespace BreastCancer.Web.Api;

/// <summary>
/// The middleware that answers, while the app has no model (<see cref="ModelStartup"/>), every request to an endpoint
/// that needs one with 503 problem details (<see cref="Unavailable"/>), at once: the API, the form, the dashboard, the
/// monitoring views, <c>/metrics</c>, the OpenAPI document (whose examples and schemas come from the model) and
/// <c>/health</c>, whose 503 is the readiness answer. Endpoints marked <see cref="WithoutModelEndpoints.ServedWithoutModel"/>
/// (<c>/health/live</c>, plotly.js), static files and unmatched paths pass. It must follow routing. Once a model is
/// served the holder never empties, so a request let through finds one. Readiness itself (<c>GET /health</c>) then
/// still answers 503 until the dashboard is prepared (<see cref="ModelStartup.State"/>), so that the app can load its
/// own dashboard before it is ready.
/// </summary>
public static class ModelGate
{
    /// <summary>The <c>Retry-After</c> of a 503 while the first model is loaded or trained, in seconds: a probe's pace, well under the training's minute or so.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Adds the gate.</summary>
    public static IApplicationBuilder UseModelGate(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var startup = app.ApplicationServices.GetRequiredService<ModelStartup>();
        return app.Use(async (context, next) =>
        {
            if (startup.ModelServed || context.GetEndpoint() is not { } endpoint || endpoint.Metadata.GetMetadata<ServedWithoutModel>() is not null)
            {
                await next(context);
                return;
            }

            await Unavailable(context.Response, startup.State).ExecuteAsync(context);
        });
    }

    /// <summary>
    /// 503 problem details for a request that needs the model while the app is in <paramref name="state"/>, with the state
    /// as the problem's <c>state</c> (<c>starting</c> or <c>failed</c>) and, while starting, <c>Retry-After</c> on
    /// <paramref name="response"/>; a failed start has none, since only a restart after a fix will help.
    /// </summary>
    public static IResult Unavailable(HttpResponse response, StartupState state)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (state == StartupState.Failed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "No model is served: the first model could not be loaded or trained",
                detail: "The app started, but making its first model failed; the app's log says why. Fix the cause (the model folder or WDBC's data file) and restart the app.",
                extensions: new Dictionary<string, object?> { ["state"] = "failed" });
        }

        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var doing = state == StartupState.Training ? "training the first model" : "loading the model";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: $"The app is starting: {doing}",
            detail: $"No model is served yet: the app is {doing}{(state == StartupState.Training ? " (the model store had none), which takes about a minute" : "")}. Ask again after {RetryAfterSeconds} s.",
            extensions: new Dictionary<string, object?> { ["state"] = "starting", ["activity"] = doing });
    }
}
