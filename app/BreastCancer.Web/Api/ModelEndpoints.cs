using System.Text.Json;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Models;
using BreastCancer.Web.Security;

namespace BreastCancer.Web.Api;

/// <summary>
/// The model-update endpoints: <c>GET /api/models</c> (the saved versions and the served one), and, behind the API key,
/// <c>POST /api/models/promote</c> (<c>{"version": "..."}</c>) and <c>POST /api/models/rollback</c>.
/// </summary>
public static class ModelEndpoints
{
    private const int MaxBodyBytes = 4 * 1024;

    /// <summary>Maps the endpoints on <paramref name="app"/>.</summary>
    public static IEndpointRouteBuilder MapModels(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/models", (ModelVersions versions) => TypedResults.Ok(versions.List()));
        app.MapPost("/api/models/promote", PromoteAsync).DisableAntiforgery();
        app.MapPost("/api/models/rollback", (HttpRequest request, ApiKeyCheck key, ModelVersions versions) => key.Refusal(request) ?? (versions.Rollback() is { } version
            ? TypedResults.Ok(new ModelChange(null, version))
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to roll back",
                detail: "No model has been promoted since the app started, so there is no earlier one to serve again."))).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> PromoteAsync(HttpRequest request, ApiKeyCheck key, ModelVersions versions, CancellationToken cancellationToken)
    {
        if (key.Refusal(request) is { } refusal)
        {
            return refusal;
        }

        if (await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken) is not { } body)
        {
            return ProblemResults.TooLarge(MaxBodyBytes);
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

        if (string.IsNullOrWhiteSpace(version) || version.IndexOfAny(['/', '\\']) >= 0 || version.Contains("..", StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["version"] = ["is required: the name of a saved version (GET /api/models lists them)"] },
                title: "The request names no version to promote");
        }

        try
        {
            return TypedResults.Ok(new ModelChange(versions.Promote(version), version));
        }
        catch (ModelFileException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "The version cannot be served", detail: e.Message);
        }
    }
}

/// <summary>A change of the served model.</summary>
/// <param name="Previous">The version served before (null for a rollback, which returns to it).</param>
/// <param name="Current">The version served now.</param>
public sealed record ModelChange(string? Previous, string Current);
