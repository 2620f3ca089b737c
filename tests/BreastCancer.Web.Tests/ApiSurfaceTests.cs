using System.Net;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class ApiSurfaceTests(TrainedModel model)
{
    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_problem_details_and_the_seconds_to_wait_on_every_route_pages_and_files_included()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "3" });
        var client = app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/health", "/css/site.css", "/" })
        {
            statuses.Add((await client.GetAsync(path)).StatusCode);
        }

        var refused = await client.GetAsync("/api/model");
        var others = new List<HttpResponseMessage>();
        foreach (var path in new[] { "/", "/dashboard", "/openapi/v1.json", "/css/site.css", "/favicon.svg", "/metrics" })
        {
            others.Add(await client.GetAsync(path));
        }

        others.Add(await client.PostAsync("/", new FormUrlEncodedContent([new("radius_mean", "12")])));
        others.Add(await client.PostAsync("/api/predict", Patients.Json("{}")));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        var detail = (await Patients.ReadJsonAsync(refused)).GetProperty("detail").GetString()!;
        Assert.Contains("RateLimit:PermitsPerMinute", detail, StringComparison.Ordinal);
        Assert.Contains($"try again in {refused.Headers.RetryAfter.Delta.Value.TotalSeconds} s", detail, StringComparison.Ordinal);
        Assert.All(others, r => Assert.Equal(HttpStatusCode.TooManyRequests, r.StatusCode));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_every_endpoint()
    {
        var document = await Patients.ReadJsonAsync(await model.App.CreateClient().GetAsync("/openapi/v1.json"));

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["/api/model", "/api/models", "/api/models/promote", "/api/models/retrain", "/api/models/rollback", "/api/monitoring/charts", "/api/monitoring/drift", "/api/monitoring/performance", "/api/monitoring/timeline", "/api/outcomes", "/api/predict", "/health", "/health/live", "/metrics"],
            paths.Where(p => p != "/").Order(StringComparer.Ordinal));
        Assert.True(document.GetProperty("paths").GetProperty("/api/predict").TryGetProperty("post", out _));
    }
}
