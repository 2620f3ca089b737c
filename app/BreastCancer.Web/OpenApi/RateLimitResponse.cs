using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// The 429 every operation can answer: the rate limit (<see cref="Security.RateLimitOptions"/>) is global, in front of
/// every endpoint, so it is described here once rather than on each endpoint, with its <c>Retry-After</c> header.
/// </summary>
internal sealed class RateLimitResponse : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        operation.Responses ??= [];
        operation.Responses["429"] = new OpenApiResponse
        {
            Description = "Too Many Requests: this client address has made `RateLimit:PermitsPerMinute` requests this minute.",
            Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = ProblemHeaders.RetryAfter("The seconds until the client's minute opens again."),
            },
            Content = ProblemHeaders.ProblemJson(document),
        };
    }
}
