using BreastCancer.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// The 503 that every operation needing the model answers while the app has none (<see cref="ModelGate"/>): described
/// once here, on every operation not marked <see cref="ServedWithoutModel"/>, with its <c>Retry-After</c> header.
/// </summary>
internal sealed class ModelStartingResponse : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ServedWithoutModel>().Any())
        {
            return;
        }

        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        operation.Responses ??= [];
        operation.Responses["503"] = new OpenApiResponse
        {
            Description = "Service Unavailable: the app serves no model yet. While it loads the saved model or, when the model store has none, trains the first one "
                + "(about a minute after start on two cores), the problem's `state` is `starting` and `Retry-After` says when to ask again; when that failed, `state` is `failed`, "
                + "without `Retry-After`, until the app is fixed and restarted. `GET /health` answers the same.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = ProblemHeaders.RetryAfter($"Seconds to wait before asking again ({ModelGate.RetryAfterSeconds}); sent while the app is starting."),
            },
            Content = ProblemHeaders.ProblemJson(document),
        };
    }
}
