using BreastCancer.Web.Models;
using BreastCancer.Web.Prediction;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Api;

/// <summary>The JSON API: <c>POST /api/predict</c>, <c>GET /api/model</c> and <c>GET /health</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/predict", PredictAsync).DisableAntiforgery();
        app.MapGet("/api/model", (ModelHolder holder) => Results.Text(holder.Current.Card.ToJson(), "application/json"));
        app.MapGet("/health", (ModelHolder holder) => TypedResults.Ok(new HealthStatus("ok", holder.Current.Version, holder.Current.LoadedAt)));
        return app;
    }

    private static async Task<IResult> PredictAsync(HttpRequest request, ModelHolder holder, Predictor predictor, IOptions<PredictionOptions> limits,
        IOptions<ValidationOptions> validation, CancellationToken cancellationToken)
    {
        if (ProblemResults.NotJson(request) is { } notJson)
        {
            return notJson;
        }

        var maxBytes = limits.Value.MaxBodyBytes;
        if (await RequestBody.ReadAsync(request, maxBytes, cancellationToken) is not { } body)
        {
            return ProblemResults.TooLarge(maxBytes);
        }

        var snapshot = holder.Current;
        var parsed = PredictRequest.Parse(body, new PatientValidator(snapshot.Card.Features, validation.Value.RejectOutOfRange), limits.Value.MaxBatchSize);
        if (parsed.Errors.Any)
        {
            return ProblemResults.Invalid(parsed.Errors);
        }

        var predictions = await predictor.PredictAsync(snapshot, parsed.Patients);
        return parsed.IsBatch ? TypedResults.Ok(new BatchPrediction(predictions)) : TypedResults.Ok(predictions[0]);
    }
}
