using System.Text.Json;
using BreastCancer.Web.Models;
using BreastCancer.Web.Monitoring;
using BreastCancer.Web.OpenApi;
using BreastCancer.Web.Prediction;
using BreastCancer.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace BreastCancer.Web.Api;

/// <summary>
/// The monitoring endpoints: <c>POST /api/outcomes</c> (the confirmed diagnosis of a prediction; needs the API key;
/// idempotent: the same diagnosis again is answered as the first time and counted once),
/// <c>GET /api/monitoring/drift</c>, <c>GET /api/monitoring/performance</c> and <c>GET /metrics</c> (Prometheus text).
/// </summary>
public static class MonitoringEndpoints
{
    /// <summary>The largest outcome body accepted, in bytes.</summary>
    public const int MaxOutcomeBytes = 4 * 1024;

    private const string MetricsContentType = "text/plain; version=0.0.4";

    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapMonitoring(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/outcomes", OutcomeAsync).DisableAntiforgery().RequireApiKey()
            .WithName("recordOutcome").WithTags(ApiTags.Monitoring)
            .WithSummary("Record the confirmed diagnosis of a prediction")
            .WithDescription("Records the diagnosis a biopsy confirmed for the prediction `predictionId` (`malignant`: true or false), for live performance and retraining. "
                + "Idempotent: the same diagnosis reported again is answered 200 and changes nothing, so a client may retry; a different one is a 409 and the first stands.")
            .Accepts<OutcomeReport>("application/json")
            .Produces<OutcomeRecorded>()
            .ValidationProblem("The body is not an outcome: `errors` names each missing, wrong, unknown or repeated field, or `body`. Nothing was recorded.")
            .Problem(StatusCodes.Status404NotFound, "No prediction has this `predictionId`.")
            .Problem(StatusCodes.Status409Conflict, "The prediction already has the other diagnosis; the first one reported stands.")
            .JsonBody($"{MaxOutcomeBytes} bytes")
            .AddOpenApiOperationTransformer(ApiExamples.OutcomeAsync);
        app.MapGet("/api/monitoring/drift", (MonitoringService monitoring) => TypedResults.Ok(monitoring.Drift()))
            .WithName("getDrift").WithTags(ApiTags.Monitoring)
            .WithSummary("Drift of the latest predictions from the training rows")
            .WithDescription("Per feature the population stability index and the Holm-adjusted two-sample Kolmogorov–Smirnov test of the latest `Monitoring:Window` predictions "
                + "against the training rows, and the predicted malignancy rate's two-proportion test; no report while the window is below `Monitoring:MinimumWindow`.");
        app.MapGet("/api/monitoring/performance", (MonitoringService monitoring) => TypedResults.Ok(monitoring.Performance()))
            .WithName("getPerformance").WithTags(ApiTags.Monitoring)
            .WithSummary("Live performance over the latest confirmed outcomes")
            .WithDescription("Sensitivity and specificity with Wilson 95 % intervals, and ROC AUC, of the served predictions against the latest confirmed outcomes.");
        app.MapGet("/metrics", (ServiceMetrics metrics, MonitoringService monitoring, ModelStartup startup) =>
                Results.Text(metrics.Render(startup.State == StartupState.Serving ? monitoring.Drift() : null), MetricsContentType))
            .ServedWithoutModel()
            .WithName("getMetrics").WithTags(ApiTags.Monitoring)
            .WithSummary("Prometheus metrics")
            .WithDescription("Prometheus text exposition format 0.0.4: `bc_ready` (1 once the app serves a model, 0 while it starts or when its first model failed), "
                + "requests by route and the status the client received, the latency histogram of `predict`, predictions by decision, outcomes, "
                + "and, once a model is served, the drift gauges. Answers from the moment the app listens, so that a scraper sees a starting app as up and not ready. "
                + "Described here because a Prometheus scraper is a client of it.")
            .Produces<string>(contentType: MetricsContentType);
        return app;
    }

    private static async Task<IResult> OutcomeAsync(HttpRequest request, PredictionStore store, ServiceMetrics metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ProblemResults.NotJson(request) is { } refusal)
        {
            return refusal;
        }

        if (await RequestBody.ReadAsync(request, MaxOutcomeBytes, cancellationToken) is not { } body)
        {
            return ProblemResults.TooLarge("an outcome", MaxOutcomeBytes);
        }

        var errors = new ValidationErrors();
        var (id, malignant) = Parse(body, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request is not a valid outcome",
                detail: "An outcome is {\"predictionId\": the id a prediction returned, \"malignant\": true or false}; nothing was recorded.");
        }

        return store.RecordOutcome(id, malignant, time.GetUtcNow()) switch
        {
            OutcomeResult.Recorded => Recorded(metrics, id, malignant),
            OutcomeResult.Repeated => TypedResults.Ok(new OutcomeRecorded(id, malignant)),
            OutcomeResult.UnknownPrediction => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such prediction",
                detail: $"No prediction has the id {id}."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The outcome is already recorded",
                detail: $"Prediction {id} already has the other confirmed diagnosis ({(malignant ? "benign" : "malignant")}); the first one reported stands."),
        };
    }

    private static Ok<OutcomeRecorded> Recorded(ServiceMetrics metrics, Guid id, bool malignant)
    {
        metrics.Outcome();
        return TypedResults.Ok(new OutcomeRecorded(id, malignant));
    }

    private static (Guid Id, bool Malignant) Parse(byte[] body, ValidationErrors errors)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("body", "must be a JSON object with predictionId and malignant");
                return default;
            }

            var root = document.RootElement;
            foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("predictionId" or "malignant")))
            {
                errors.Add(property.Name, "is not a field of an outcome (predictionId, malignant)");
            }

            foreach (var repeated in root.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add(repeated.Key, $"appears {repeated.Count()} times: send each field once, so that no reader takes a different one");
            }

            var id = root.TryGetProperty("predictionId", out var idValue)
                ? idValue.ValueKind == JsonValueKind.String && Guid.TryParse(idValue.GetString(), out var parsed) ? parsed : Error(errors, "predictionId", "must be the id a prediction returned (a GUID string)", Guid.Empty)
                : Error(errors, "predictionId", "is required", Guid.Empty);
            var malignant = root.TryGetProperty("malignant", out var label)
                ? label.ValueKind is JsonValueKind.True or JsonValueKind.False ? label.GetBoolean() : Error(errors, "malignant", "must be true (malignant) or false (benign)", false)
                : Error(errors, "malignant", "is required", false);
            return (id, malignant);
        }
        catch (JsonException e)
        {
            errors.Add("body", $"is not valid JSON: {e.Message}");
            return default;
        }
    }

    private static T Error<T>(ValidationErrors errors, string field, string reason, T value)
    {
        errors.Add(field, reason);
        return value;
    }
}

/// <summary>The body of <c>POST /api/outcomes</c>: the confirmed diagnosis of a prediction.</summary>
/// <param name="PredictionId">The <c>predictionId</c> a prediction returned.</param>
/// <param name="Malignant">The diagnosis a biopsy confirmed: true for malignant, false for benign.</param>
public sealed record OutcomeReport(Guid PredictionId, bool Malignant);

/// <summary>The answer to a recorded outcome.</summary>
/// <param name="PredictionId">The prediction.</param>
/// <param name="Malignant">The confirmed diagnosis recorded.</param>
public sealed record OutcomeRecorded(Guid PredictionId, bool Malignant);
