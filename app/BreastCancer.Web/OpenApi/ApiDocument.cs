namespace BreastCancer.Web.OpenApi;

/// <summary>The app's OpenAPI document (<c>/openapi/v1.json</c>).</summary>
public static class ApiDocument
{
    /// <summary>Adds the document's generator with the app's transformers: overview and tags, the API key's scheme, the rate limit's 429, the 503 while the app starts.</summary>
    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer<ApiOverview>();
        options.AddDocumentTransformer<ApiKeySecurity>();
        options.AddOperationTransformer<ApiKeySecurity>();
        options.AddOperationTransformer<RateLimitResponse>();
        options.AddOperationTransformer<ModelStartingResponse>();
        options.AddSchemaTransformer<NamedFloatingPointLiterals>();
    });
}
