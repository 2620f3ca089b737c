using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Models;
using BreastCancer.Web.OpenApi;
using BreastCancer.Web.Security;

namespace BreastCancer.Web.Api;

/// <summary>
/// The model-update endpoints: <c>GET /api/models</c> (the saved versions and the served one), and, behind the API key,
/// <c>POST /api/models/promote</c> (<c>{"version": "..."}</c>), <c>POST /api/models/rollback</c> and
/// <c>POST /api/models/retrain</c> (optional <c>{"promote": false}</c>; <see cref="Retrainer"/>).
/// </summary>
public static class ModelEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    /// <summary>The retrain report's JSON: the web defaults (camelCase), metrics by name, NaN as a named literal.</summary>
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/models", (ModelVersions versions) => TypedResults.Ok(versions.List()))
            .WithName("listModels").WithTags(ApiTags.Models)
            .WithSummary("The saved model versions and the served one");
        app.MapPost("/api/models/promote", PromoteAsync).DisableAntiforgery().RequireApiKey()
            .WithName("promoteModel").WithTags(ApiTags.Models)
            .WithSummary("Serve a saved model version")
            .WithDescription("Loads the saved version `version` whole (its training rows checked against its card), points `models/current` at it and swaps it in "
                + "without a restart; requests in flight finish on the model they started with. Promoting the version already served changes nothing.")
            .Accepts<PromotionRequest>("application/json")
            .Produces<ModelChange>()
            .ValidationProblem("The body names no version (`errors.version`), or a name with `/`, `\\` or `..`.")
            .Problem(StatusCodes.Status404NotFound, "No saved version of that name can be served: it is missing, or its files do not agree with its card. The served model is unchanged.")
            .JsonBody($"{MaxBodyBytes} bytes")
            .AddOpenApiOperationTransformer(ApiExamples.PromotionAsync);
        app.MapPost("/api/models/retrain", RetrainAsync).DisableAntiforgery().RequireApiKey()
            .WithName("retrainModel").WithTags(ApiTags.Models)
            .WithSummary("Retrain on the confirmed outcomes and promote the challenger if it is non-inferior")
            .WithDescription("Trains a challenger by the served model's procedure on its training rows plus every confirmed outcome it has not been trained on, "
                + "compares the two on stratified folds of those outcomes that keep each case together, saves the challenger as a new version and promotes it "
                + "only when every criterion's 95 % interval rules out a loss beyond its margin (and `promote` is not false). The body is optional.")
            .Accepts<RetrainRequest>(isOptional: true, "application/json")
            .Produces<JsonObject>()
            .ValidationProblem("The body is neither empty nor an object with only `promote`, true or false (`errors.promote`).")
            .Problem(StatusCodes.Status409Conflict, "A retrain is already running; ask again once it has finished.")
            .Problem(StatusCodes.Status422UnprocessableEntity, "Too few confirmed outcomes are new to the served model: fewer than `Retrain:MinOutcomesPerClass` of a diagnosis. "
                + "The problem's `malignant`, `benign` and `needed` say how many there are and how many are needed.")
            .Problem(StatusCodes.Status500InternalServerError, "The retrain failed: the model store or the training rows could not be read or written; `detail` says why.")
            .JsonBody($"{MaxBodyBytes} bytes");
        app.MapPost("/api/models/rollback", IResult (ModelVersions versions) => versions.Rollback() is { } version
            ? TypedResults.Ok(new ModelChange(null, version))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to roll back",
                detail: "No model has been promoted since the app started, so there is no earlier one to serve again.")).DisableAntiforgery().RequireApiKey()
            .WithName("rollbackModel").WithTags(ApiTags.Models)
            .WithSummary("Serve again the version the last promotion replaced")
            .Produces<ModelChange>()
            .Problem(StatusCodes.Status409Conflict, "Nothing to roll back: no promotion since the app started.");
        return app;
    }

    private static async Task<IResult> PromoteAsync(HttpRequest request, ModelVersions versions, CancellationToken cancellationToken)
    {
        if (ProblemResults.NotJson(request) is { } refusal)
        {
            return refusal;
        }

        if (await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ProblemResults.TooLarge("a promotion", MaxBodyBytes);
        }

        string? version;
        try
        {
            using var document = JsonDocument.Parse(body);
            version = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("version", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        }
        catch (JsonException)
        {
            version = null;
        }

        if (string.IsNullOrWhiteSpace(version))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["is required: the name of a saved version (GET /api/models lists them)"] },
                title: "The request names no version to promote");
        }

        if (version.IndexOfAny(['/', '\\']) >= 0 || version.Contains("..", StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["must be a version's name, without '/', '\\' or '..': versions are folders directly under the model folder"] },
                title: "The request names no version to promote");
        }

        try
        {
            return TypedResults.Ok(new ModelChange(versions.Promote(version), version));
        }
        catch (ModelFileException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The version cannot be served",
                detail: $"Version {version} ({Path.GetFileName(e.Path)}): {e.Reason}");
        }
    }

    private static async Task<IResult> RetrainAsync(HttpRequest request, Retrainer retrainer, CancellationToken cancellationToken)
    {
        if (ProblemResults.NotJson(request, bodyOptional: true) is { } refusal)
        {
            return refusal;
        }

        if (await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ProblemResults.TooLarge("a retrain request", MaxBodyBytes);
        }

        if (PromoteRequested(body) is not { } promote)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["promote"] = ["must be true or false, in a JSON object such as {\"promote\": false}; an empty body means true"] },
                title: "The retrain request is not valid");
        }

        try
        {
            return retrainer.Retrain(promote) is { } report
                ? Results.Json(report, ReportJson)
                : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A retrain is already running", detail: "Wait for it to finish, then ask again.");
        }
        catch (TooFewOutcomesException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Too few confirmed outcomes to retrain",
                detail: $"{e.Malignant} malignant and {e.Benign} benign confirmed outcomes are new to the served model; comparing a challenger with it needs at least {e.Needed} of each (Retrain:MinOutcomesPerClass). Report more outcomes (POST /api/outcomes) and retrain again.",
                extensions: new Dictionary<string, object?> { ["malignant"] = e.Malignant, ["benign"] = e.Benign, ["needed"] = e.Needed });
        }
        catch (Exception e) when (e is ModelFileException or InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The retrain failed", detail: e.Message);
        }
    }

    /// <summary>The body's <c>promote</c>: true for an empty body or an object without it; null when the body is not such an object.</summary>
    private static bool? PromoteRequested(byte[] body)
    {
        if (body.Length == 0)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || root.EnumerateObject().Any(p => p.Name != "promote"))
            {
                return null;
            }

            if (!root.TryGetProperty("promote", out var value))
            {
                return true;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The body of <c>POST /api/models/promote</c>.</summary>
/// <param name="Version">The saved version to serve, as <c>GET /api/models</c> lists it.</param>
public sealed record PromotionRequest(string Version);

/// <summary>The optional body of <c>POST /api/models/retrain</c>.</summary>
/// <param name="Promote">Whether a non-inferior challenger is promoted; false saves it without serving it.</param>
public sealed record RetrainRequest(bool Promote = true);

/// <summary>A change of the served model.</summary>
/// <param name="Previous">The version served before (null for a rollback, which returns to it).</param>
/// <param name="Current">The version served now.</param>
public sealed record ModelChange(string? Previous, string Current);
