using System.Text.Json.Nodes;
using BreastCancer.Web.Models;
using BreastCancer.Web.OpenApi;
using BreastCancer.Web.Prediction;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Api;

/// <summary>
/// The JSON API: <c>POST /api/predict</c>, <c>GET /api/model</c>, <c>GET /health</c> (readiness: 200 with the served
/// model, or the <see cref="ModelGate"/>'s 503 while there is none) and <c>GET /health/live</c> (liveness: 200 from the
/// moment the app listens).
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/predict", PredictAsync).DisableAntiforgery()
            .WithName("predict").WithTags(ApiTags.Prediction)
            .WithSummary("Predict the diagnosis of one patient or a batch")
            .WithDescription("Takes the 30 WDBC measurements of one patient (`{\"features\": {…}}`) or of a batch (`{\"patients\": [{\"features\": {…}}, …]}`), "
                + "each with an optional pseudonymous `case` number, and answers per patient the probability of malignancy, the decision at the model card's threshold, "
                + "the conformal prediction set, the largest SHAP contributions and warnings for values outside the training range. "
                + "Every prediction is stored with its `predictionId` before it is answered, so that its confirmed outcome can be reported (`recordOutcome`). "
                + "All 30 features are required, each a finite number within its physical bounds; a 400 names every bad field.")
            .Produces<PatientPrediction>()
            .Produces<BatchPrediction>()
            .ValidationProblem("A field is missing or wrong, each named in `errors` with the reason (`features.radius_mean`, `patients[2].features.area_worst`, `patients[0].case`, `body`), "
                + "or the batch holds more than `Prediction:MaxBatchSize` patients; or the server could not read the body (a malformed chunk), said in `detail`. Nothing was predicted.")
            .JsonBody($"`Prediction:MaxBodyBytes` ({new PredictionOptions().MaxBodyBytes} bytes by default)")
            .AddOpenApiOperationTransformer(ApiExamples.PredictAsync);
        app.MapGet("/api/model", (ModelHolder holder) => Results.Text(holder.Current.Card.ToJson(), "application/json"))
            .WithName("getModelCard").WithTags(ApiTags.Models)
            .WithSummary("The served model's card")
            .WithDescription("The model card (`card.json`) of the served model: version, training data, features with their training ranges, "
                + "cross-validated, nested and held-out performance with 95 % intervals, calibration, decision threshold, software, intended use and limitations.")
            .Produces<JsonObject>();
        app.MapGet("/health", (ModelHolder holder, ModelStartup startup, HttpResponse response) => startup.State == StartupState.Serving
                ? TypedResults.Ok(new HealthStatus("ok", holder.Current.Version, holder.Current.LoadedAt))
                : ModelGate.Unavailable(response, startup.State))
            .WithName("getHealth").WithTags(ApiTags.Service)
            .WithSummary("Readiness: whether the app serves a model, and which")
            .WithDescription("200 with the served model's version once the app serves a model; 503 problem details while it has none: `state` `starting` "
                + "(with `Retry-After`) while the first model is loaded or, when the model store has none, trained (about a minute on two cores), or `failed` when that failed. "
                + "A load balancer or orchestrator sends traffic only while this answers 200.")
            .Produces<HealthStatus>();
        app.MapGet("/health/live", (ModelStartup startup) => TypedResults.Ok(LiveStatus.Of(startup.State))).ServedWithoutModel()
            .WithName("getLiveness").WithTags(ApiTags.Service)
            .WithSummary("Liveness: the app is up and answering")
            .WithDescription("200 from the moment the app listens, before it serves a model: `status` is `starting`, `ok` or `failed` (as `getHealth` says). "
                + "An orchestrator restarts the app only when this does not answer.");
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
