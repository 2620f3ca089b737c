using BreastCancer.Web.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// The API key in the document: the security scheme (an API key in the <see cref="ApiKeyOptions.Header"/> header), required
/// by exactly the operations whose endpoint carries <see cref="ApiKeyRequirement"/> (<see cref="ApiKeyEndpoints.RequireApiKey"/>);
/// every other operation states that it needs none (an empty <c>security</c>).
/// </summary>
internal sealed class ApiKeySecurity : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>The scheme's name in the document's components.</summary>
    public const string SchemeName = "apiKey";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyOptions.Header,
            Description = "The key configured as `Security:ApiKey`, compared in constant time. A missing or wrong key is a 401; "
                + "when the app has no key configured, the operations that need one answer 403.",
        };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Security = context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiKeyRequirement>().Any()
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] }]
            : [];
        return Task.CompletedTask;
    }
}
