using BreastCancer.Web.OpenApi;

namespace BreastCancer.Web.Security;

/// <summary>Puts endpoints behind the API key (<see cref="ApiKeyCheck"/>).</summary>
public static class ApiKeyEndpoints
{
    /// <summary>
    /// Makes <paramref name="builder"/>'s endpoint answer a request without the key with <see cref="ApiKeyCheck.Refusal"/>
    /// before its handler runs, marks it with <see cref="ApiKeyRequirement"/> (which the OpenAPI document reads to apply
    /// the key's security scheme to exactly these endpoints) and describes the 401 and 403 it can answer.
    /// </summary>
    public static RouteHandlerBuilder RequireApiKey(this RouteHandlerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.RequestServices.GetRequiredService<ApiKeyCheck>().Refusal(context.HttpContext.Request) ?? await next(context))
            .WithMetadata(ApiKeyRequirement.Instance)
            .Problem(StatusCodes.Status401Unauthorized, $"The `{ApiKeyOptions.Header}` header is missing or holds another key than the one configured.")
            .Problem(StatusCodes.Status403Forbidden, "The app has no API key configured (`Security:ApiKey`), so this operation is switched off.");
    }
}

/// <summary>Endpoint metadata: the endpoint requires the API key in the <see cref="ApiKeyOptions.Header"/> header.</summary>
public sealed class ApiKeyRequirement
{
    private ApiKeyRequirement()
    {
    }

    /// <summary>The one instance.</summary>
    public static ApiKeyRequirement Instance { get; } = new();
}
