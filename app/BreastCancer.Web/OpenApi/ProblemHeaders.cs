using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace BreastCancer.Web.OpenApi;

/// <summary>The parts shared by the problem answers that the document describes once for many operations (the rate limit's 429, the 503 while the app starts).</summary>
internal static class ProblemHeaders
{
    /// <summary>A <c>Retry-After</c> header in whole seconds, described by <paramref name="description"/>.</summary>
    public static OpenApiHeader RetryAfter(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
    };

    /// <summary>The content of a problem answer: <c>application/problem+json</c> with the <see cref="ProblemDetails"/> schema of <paramref name="document"/>'s components.</summary>
    public static Dictionary<string, OpenApiMediaType> ProblemJson(OpenApiDocument document) => new()
    {
        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
    };
}
