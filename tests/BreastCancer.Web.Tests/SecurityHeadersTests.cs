using System.Net.Http.Json;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class SecurityHeadersTests(TrainedModel model)
{
    [Theory]
    [InlineData("GET", "/")]
    [InlineData("GET", "/?example=benign")]
    [InlineData("GET", "/health")]
    [InlineData("GET", "/api/model")]
    [InlineData("GET", "/css/site.css")]
    [InlineData("GET", "/no/such/page")]
    [InlineData("POST", "/api/predict")]
    [InlineData("GET", WebApp.ThrowingPath)]
    public async Task Every_response_carries_the_security_headers(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        var response = await model.App.CreateClient().SendAsync(request);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }
}
