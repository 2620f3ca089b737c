using System.Net;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class ApiSurfaceTests(TrainedModel model)
{
    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_problem_details_and_a_retry_after()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "3" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.GetAsync("/health")).StatusCode);
        }

        var refused = await client.GetAsync("/api/model");

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("60", refused.Headers.RetryAfter?.ToString());
        Assert.Contains("RateLimit:PermitsPerMinute", (await Patients.ReadJsonAsync(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var document = await Patients.ReadJsonAsync(await model.App.CreateClient().GetAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["/api/model", "/api/models", "/api/models/promote", "/api/models/retrain", "/api/models/rollback", "/api/monitoring/charts", "/api/monitoring/drift", "/api/monitoring/performance", "/api/monitoring/timeline", "/api/outcomes", "/api/predict", "/health", "/metrics"],
            paths.Where(p => p != "/").Order(StringComparer.Ordinal));
        Assert.True(document.GetProperty("paths").GetProperty("/api/predict").TryGetProperty("post", out _));
    }
}
