using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// The document's title, description, tags and server. The server is the one that serves the document (a relative URL),
/// rather than the address the request named, which behind a proxy or in a test host is not the one clients use.
/// </summary>
internal sealed class ApiOverview : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Breast cancer classifier";
        document.Info.Description = "The clinician web app's JSON API: predictions from the 30 WDBC measurements of a tumour's cell nuclei, "
            + "their confirmed outcomes, monitoring, and the served model's versions. Every error is `application/problem+json` (RFC 9457); "
            + "every request counts against a per-client rate limit (429 with `Retry-After`). The write endpoints need the API key.";
        document.Tags = new HashSet<OpenApiTag>(ApiTags.All.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        document.Servers = [new OpenApiServer { Url = "/", Description = "The app that serves this document: the URL is relative to the document's own." }];

        return Task.CompletedTask;
    }
}
