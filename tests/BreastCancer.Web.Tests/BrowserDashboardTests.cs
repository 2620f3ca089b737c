using BreastCancer.Analysis.Monitoring;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace BreastCancer.Web.Tests;

/// <summary>The monitoring dashboard in headless Chromium, under the app's Content-Security-Policy: tables from the server, charts drawn by plotly.js from the app.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class BrowserDashboardTests(TrainedModel model) : IAsyncLifetime
{
    private BrowserSession _session = null!;

    public async Task InitializeAsync() => _session = await BrowserSession.StartAsync(model.Folder, new Dictionary<string, string?>
    {
        ["Security:ApiKey"] = MonitoringStream.Key,
        ["Monitoring:Window"] = "100",
        ["Monitoring:TimelineStep"] = "20",
    });

    public async Task DisposeAsync() => await _session.DisposeAsync();

    [Fact]
    public async Task After_a_drifted_stream_the_dashboard_states_the_drift_and_draws_every_chart_without_a_console_error()
    {
        var test = model.Wdbc.Subset(model.Split.Test);
        using var client = new HttpClient { BaseAddress = _session.Address };
        await MonitoringStream.SendAsync(client, [.. test.ToArray().Select(MonitoringStream.Inflated)], test.IsMalignant);
        var train = model.Wdbc.Subset(model.Split.Train).ToArray();
        var shifted = test.ToArray().Select(MonitoringStream.Inflated).ToArray();
        var expected = DriftDetector.ForModel(model.Saved.Card, train, model.Saved.PredictProbability(train)).Check(shifted[^100..], model.Saved.PredictProbability(shifted[^100..]));

        await _session.OpenAsync("/dashboard");

        var page = _session.Page;
        await Expect(page.Locator("#model-version")).ToHaveTextAsync(model.Saved.Version);
        await Expect(page.Locator("#prediction-count")).ToHaveTextAsync("114");
        await Expect(page.Locator("#drift-status")).ToHaveTextAsync($"Drift detected: {expected.DriftedFeatures.Count} of 30 features moved{(expected.PredictionRate.Drifted ? ", and the predicted malignancy rate" : "")}.");
        var drifted = await page.Locator("#drifted-features tbody tr td:first-child").AllInnerTextsAsync();
        Assert.Equal(expected.Features.Where(f => f.Drifted).OrderByDescending(f => f.Psi).Select(f => f.Feature), drifted);
        await Expect(page.Locator("body[data-charts-drawn=true]")).ToHaveCountAsync(1);
        foreach (var chart in new[] { "feature-drift", "drift-over-time", "predicted-rate", "performance" })
        {
            var holder = page.Locator($"[data-chart={chart}]");
            await Expect(holder).ToHaveAttributeAsync("data-drawn", "true");
            await Expect(holder.Locator("svg.main-svg").First).ToBeVisibleAsync();
        }

        Assert.Equal(30, await page.Locator("[data-chart=feature-drift] .bars .point").CountAsync());
        Assert.Equal(1, await page.Locator("[data-chart=drift-over-time] .hm image").CountAsync());
        await _session.ScreenshotAsync("dashboard");
        Assert.Empty(_session.Problems);
        Assert.All(_session.Responses, r => Assert.Equal(200, r.Status));
        Assert.Contains(("GET", "/api/monitoring/charts", 200), _session.Responses);
        Assert.Contains(("GET", "/js/plotly.min.js", 200), _session.Responses);
    }
}
