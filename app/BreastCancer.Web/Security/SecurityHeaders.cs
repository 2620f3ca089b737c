namespace BreastCancer.Web.Security;

/// <summary>
/// Adds the security headers to every response: a Content-Security-Policy that allows only the app's own scripts,
/// styles and images (no inline script; no inline style but the two attribute values plotly.js sets on the dashboard,
/// <see cref="PlotlyStyleHashes"/>; data-URL images, which plotly.js draws heatmaps as) and no framing, <c>X-Content-Type-Options: nosniff</c>,
/// <c>X-Frame-Options: DENY</c> and <c>Referrer-Policy: no-referrer</c>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy sent.</summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-hashes' {PlotlyStyleHashes.Sources}; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response of <paramref name="app"/>, errors included.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
