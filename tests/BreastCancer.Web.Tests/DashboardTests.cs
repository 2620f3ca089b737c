using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using BreastCancer.Analysis.Monitoring;
using BreastCancer.Web.Api;
using BreastCancer.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Plotly.NET;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class DashboardTests(TrainedModel model)
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Security:ApiKey"] = MonitoringStream.Key,
        ["Monitoring:Window"] = "100",
        ["Monitoring:TimelineStep"] = "20",
    };

    [Fact]
    public async Task Before_any_prediction_every_chart_says_why_it_is_empty()
    {
        using var app = new WebApp(model.Folder, Settings);

        var body = await Patients.ReadJsonAsync(await app.CreateClient().GetAsync("/api/monitoring/charts"));

        var charts = body.GetProperty("charts").EnumerateArray().ToArray();
        Assert.Equal(["feature-drift", "drift-over-time", "predicted-rate", "performance"], charts.Select(c => c.GetProperty("id").GetString()));
        Assert.All(charts, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("figure").ValueKind));
        Assert.Contains("0 predictions so far; drift is measured once 100 have been made", charts[0].GetProperty("missing").GetString(), StringComparison.Ordinal);
        Assert.Contains("POST /api/outcomes", charts[3].GetProperty("missing").GetString(), StringComparison.Ordinal);
        Assert.Equal(model.Saved.Version, body.GetProperty("modelVersion").GetString());
    }

    [Fact]
    public async Task Checks_made_once_and_kept_between_views_equal_each_window_checked_afresh_when_the_stream_outgrows_the_timeline()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?>(Settings)
        {
            ["Monitoring:Window"] = "50",
            ["Monitoring:MinimumWindow"] = "20",
            ["Monitoring:TimelineLength"] = "120",
            ["Monitoring:TimelineStep"] = "10",
        });
        var client = app.CreateClient();
        var test = model.Wdbc.Subset(model.Split.Test);
        var heldOut = test.ToArray();
        double[][] stream = [.. heldOut, .. heldOut.Select(MonitoringStream.Inflated)];
        bool[] outcomes = [.. test.IsMalignant, .. test.IsMalignant];
        var train = model.Wdbc.Subset(model.Split.Train).ToArray();
        var detector = DriftDetector.ForModel(model.Saved.Card, train, model.Saved.PredictProbability(train), new DriftThresholds(0.25, 0.01, 0.01, 20));
        var probabilities = model.Saved.PredictProbability(stream);
        var decisions = model.Saved.Decide(probabilities);

        foreach (var sent in new[] { 37, 114, 171, 228 })
        {
            var before = sent == 37 ? 0 : sent == 114 ? 37 : sent == 171 ? 114 : 171;
            await MonitoringStream.SendAsync(client, stream[before..sent], outcomes[before..sent]);
            var timeline = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/timeline"));

            long[] ends = [.. Enumerable.Range(1, sent / 10).Select(k => 10L * k).Where(e => e > sent - 120 && e < sent), sent];
            var drift = timeline.GetProperty("drift").GetProperty("checkpoints").EnumerateArray().ToArray();
            Assert.Equal(ends.Where(e => Math.Min(e, 50) >= 20), drift.Select(c => c.GetProperty("end").GetInt64()));
            foreach (var check in drift)
            {
                var end = check.GetProperty("end").GetInt32();
                var expected = detector.Check(stream[Math.Max(0, end - 50)..end], probabilities[Math.Max(0, end - 50)..end]);
                AssertClose(expected.Features.Select(f => f.Psi), check.GetProperty("report").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("psi").GetDouble()), 1e-9);
                Assert.Equal(expected.Drifted, check.GetProperty("report").GetProperty("drifted").GetBoolean());
            }

            var performance = timeline.GetProperty("performance").GetProperty("checkpoints").EnumerateArray().ToArray();
            Assert.Equal(ends, performance.Select(c => c.GetProperty("end").GetInt64()));
            foreach (var check in performance)
            {
                var end = check.GetProperty("end").GetInt32();
                var expected = LivePerformance.Compute(probabilities[Math.Max(0, end - 50)..end], decisions[Math.Max(0, end - 50)..end], outcomes[Math.Max(0, end - 50)..end]);
                Assert.Equal(expected.Specificity.Value, check.GetProperty("performance").GetProperty("specificity").GetProperty("value").GetDouble(), 12);
                Assert.Equal(expected.RocAuc, check.GetProperty("performance").GetProperty("rocAuc").GetDouble(), 12);
            }
        }
    }

    [Fact]
    public async Task The_timeline_and_charts_are_the_librarys_timelines_of_the_stream_sent()
    {
        using var app = new WebApp(model.Folder, Settings);
        var client = app.CreateClient();
        var test = model.Wdbc.Subset(model.Split.Test);
        var heldOut = test.ToArray();
        double[][] stream = [.. heldOut, .. heldOut.Select(MonitoringStream.Inflated)];
        bool[] outcomes = [.. test.IsMalignant, .. test.IsMalignant];

        var answers = await MonitoringStream.SendAsync(client, stream, outcomes);

        var train = model.Wdbc.Subset(model.Split.Train).ToArray();
        var detector = DriftDetector.ForModel(model.Saved.Card, train, model.Saved.PredictProbability(train));
        var probabilities = model.Saved.PredictProbability(stream);
        var expectedDrift = DriftTimeline.Compute(detector, stream, probabilities, 100, 20);
        var expectedPerformance = PerformanceTimeline.Compute(probabilities, model.Saved.Decide(probabilities), outcomes, 100, 20);
        AssertClose(probabilities, answers.Select(a => a.Probability), 1e-12);

        var timeline = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/timeline"));
        var drift = timeline.GetProperty("drift").GetProperty("checkpoints").EnumerateArray().ToArray();
        Assert.Equal(expectedDrift.Checkpoints.Select(c => c.End), drift.Select(c => c.GetProperty("end").GetInt32()));
        for (var i = 0; i < drift.Length; i++)
        {
            var psi = drift[i].GetProperty("report").GetProperty("features").EnumerateArray().Select(f => f.GetProperty("psi").GetDouble());
            AssertClose(expectedDrift.Checkpoints[i].Report.Features.Select(f => f.Psi), psi, 1e-9);
        }

        var performance = timeline.GetProperty("performance").GetProperty("checkpoints").EnumerateArray().ToArray();
        Assert.Equal(expectedPerformance.Checkpoints.Select(c => c.Performance.Specificity.Value),
            performance.Select(c => c.GetProperty("performance").GetProperty("specificity").GetProperty("value").GetDouble()));
        Assert.Empty(timeline.GetProperty("predictionModelChanges").EnumerateArray());

        var charts = (await ChartsAtAsync(client, stream.Length)).GetProperty("charts").EnumerateArray().ToArray();
        Assert.All(charts, c => Assert.Equal(JsonValueKind.Null, c.GetProperty("missing").ValueKind));
        var bars = charts[0].GetProperty("figure").GetProperty("data")[0];
        var latest = expectedDrift.Checkpoints[^1].Report.Features.OrderByDescending(f => f.Psi).ToArray();
        Assert.Equal(latest.Select(f => f.Feature), bars.GetProperty("y").EnumerateArray().Select(v => v.GetString()));
        AssertClose(latest.Select(f => f.Psi), bars.GetProperty("x").EnumerateArray().Select(v => v.GetDouble()), 1e-9);
        var heat = charts[1].GetProperty("figure").GetProperty("data")[0];
        Assert.Equal("heatmap", heat.GetProperty("type").GetString());
        Assert.Equal(expectedDrift.Checkpoints.Select(c => c.End), heat.GetProperty("x").EnumerateArray().Select(v => v.GetInt32()));
        Assert.True(expectedDrift.Checkpoints[^1].Report.Drifted);
        Assert.False(expectedDrift.Checkpoints[0].Report.Drifted);

        var built = app.Services.GetRequiredService<Monitoring.DashboardCharts>();
        var before = built.Current();
        Assert.Same(before, built.Current());
        Assert.Same(before, built.Latest());
        await MonitoringStream.SendAsync(client, heldOut[..1], [test.IsMalignant[0]]);
        Assert.Same(before, built.Latest());
        var after = built.Current();
        Assert.NotSame(before, after);
        Assert.Equal((stream.Length + 1L, stream.Length + 1L), (after.Predictions, after.Outcomes));
        Assert.Equal(after.Predictions, (await ChartsAtAsync(client, stream.Length + 1)).GetProperty("predictions").GetInt64());
    }

    [Fact]
    public async Task Checks_stored_when_made_are_read_back_after_a_restart_and_a_model_change_equal_to_each_window_checked_afresh_and_a_view_reads_only_the_latest_window()
    {
        const int Window = 50;
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Monitoring:Window"] = $"{Window}",
            ["Monitoring:MinimumWindow"] = "20",
            ["Monitoring:TimelineLength"] = "120",
            ["Monitoring:TimelineStep"] = "10",
        };
        var folder = Path.Combine(Path.GetTempPath(), $"bc-web-restart-{Guid.NewGuid():N}");
        var database = Path.Combine(Path.GetTempPath(), $"bc-web-restart-store-{Guid.NewGuid():N}", "predictions.db");
        var second = ModelVersionsFolder.Create(model, folder).Second;
        var test = model.Wdbc.Subset(model.Split.Test);
        double[][] stream = [.. test.ToArray(), .. test.ToArray().Select(MonitoringStream.Inflated)];
        bool[] outcomes = [.. test.IsMalignant, .. test.IsMalignant];
        var answers = new List<(double Probability, bool Biopsy)>();
        using (var first = new WebApp(folder, settings, database))
        {
            var client = first.CreateClient();
            answers.AddRange(await MonitoringStream.SendAsync(client, stream[..100], outcomes[..100]));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/monitoring/timeline")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Patients.PostAsync(client, "/api/models/promote", $$"""{"version":"{{second.Version}}"}""", MonitoringStream.Key)).StatusCode);
            answers.AddRange(await MonitoringStream.SendAsync(client, stream[100..171], outcomes[100..171]));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/monitoring/timeline")).StatusCode);
        }

        using (var restarted = new WebApp(folder, settings, database))
        {
            await CheckAfterRestartAsync(restarted, second, stream, outcomes, answers, Window);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
    }

    /// <summary>
    /// The restarted app's views: what it read of the store to start, and for a view after one more prediction and its
    /// outcome (the two new rows: the rest of the latest windows is kept from the start), and its timeline once the stream is sent, check by check
    /// against each window checked afresh against the served model, <paramref name="second"/>.
    /// </summary>
    private async Task CheckAfterRestartAsync(WebApp restarted, BreastCancer.Analysis.Deployment.SavedModel second, double[][] stream, bool[] outcomes,
        List<(double Probability, bool Biopsy)> answers, int window)
    {
        var again = restarted.CreateClient();
        var store = restarted.Services.GetRequiredService<Monitoring.PredictionStore>();
        Assert.InRange(store.RowsRead, 1, 2 * window);
        var read = store.RowsRead;
        answers.AddRange(await MonitoringStream.SendAsync(again, stream[171..172], outcomes[171..172]));
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/monitoring/timeline")).StatusCode);
        Assert.InRange(store.RowsRead - read, 1, 2);
        answers.AddRange(await MonitoringStream.SendAsync(again, stream[172..], outcomes[172..]));

        var timeline = await Patients.ReadJsonAsync(await again.GetAsync("/api/monitoring/timeline"));
        Assert.Equal(second.Version, timeline.GetProperty("modelVersion").GetString());
        var train = model.Wdbc.Subset(model.Split.Train).ToArray();
        var detector = DriftDetector.ForModel(second.Card, train, second.PredictProbability(train), new DriftThresholds(0.25, 0.01, 0.01, 20));
        var probabilities = answers.Select(a => a.Probability).ToArray();
        var decisions = answers.Select(a => a.Biopsy).ToArray();
        var drift = timeline.GetProperty("drift").GetProperty("checkpoints").EnumerateArray().ToArray();
        Assert.Equal([.. Enumerable.Range(11, 12).Select(k => 10 * k), stream.Length], drift.Select(c => c.GetProperty("end").GetInt32()));
        foreach (var check in drift)
        {
            var end = check.GetProperty("end").GetInt32();
            var expected = detector.Check(stream[(end - window)..end], probabilities[(end - window)..end]);
            var features = check.GetProperty("report").GetProperty("features").EnumerateArray().ToArray();
            AssertClose(expected.Features.Select(f => f.Psi), features.Select(f => f.GetProperty("psi").GetDouble()), 1e-12);
            AssertClose(expected.Features.Select(f => f.AdjustedP), features.Select(f => f.GetProperty("adjustedP").GetDouble()), 1e-12);
            Assert.Equal(expected.PredictionRate.P, check.GetProperty("report").GetProperty("predictionRate").GetProperty("p").GetDouble(), 12);
            Assert.Equal(expected.Drifted, check.GetProperty("report").GetProperty("drifted").GetBoolean());
        }

        foreach (var check in timeline.GetProperty("performance").GetProperty("checkpoints").EnumerateArray())
        {
            var end = check.GetProperty("end").GetInt32();
            var expected = LivePerformance.Compute(probabilities[(end - window)..end], decisions[(end - window)..end], outcomes[(end - window)..end]);
            Assert.Equal(expected.Sensitivity.Value, check.GetProperty("performance").GetProperty("sensitivity").GetProperty("value").GetDouble(), 12);
            Assert.Equal(expected.Specificity.High, check.GetProperty("performance").GetProperty("specificity").GetProperty("high").GetDouble(), 12);
            Assert.Equal(expected.RocAuc, check.GetProperty("performance").GetProperty("rocAuc").GetDouble(), 12);
        }
    }

    /// <summary>The charts once they are built at <paramref name="predictions"/> predictions or more: the first answers after a change may still be the previous build's.</summary>
    private static async Task<JsonElement> ChartsAtAsync(HttpClient client, long predictions)
    {
        for (var attempt = 0; ; attempt++)
        {
            var body = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/charts"));
            if (body.GetProperty("predictions").GetInt64() >= predictions || attempt == 300)
            {
                return body;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task A_promoted_model_is_marked_where_it_took_over_the_stream()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bc-web-dashboard-{Guid.NewGuid():N}");
        var second = ModelVersionsFolder.Create(model, folder).Second.Version;
        using var app = new WebApp(folder, Settings);
        var client = app.CreateClient();
        var test = model.Wdbc.Subset(model.Split.Test);
        await MonitoringStream.SendAsync(client, test.ToArray()[..60], test.IsMalignant.Take(60).ToArray());
        var promote = await Patients.PostAsync(client, "/api/models/promote", $$"""{"version":"{{second}}"}""", MonitoringStream.Key);
        Assert.Equal(HttpStatusCode.OK, promote.StatusCode);
        await MonitoringStream.SendAsync(client, test.ToArray()[60..], test.IsMalignant.Skip(60).ToArray());

        var timeline = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/timeline"));

        var change = Assert.Single(timeline.GetProperty("predictionModelChanges").EnumerateArray());
        Assert.Equal(60, change.GetProperty("position").GetDouble());
        Assert.Equal("model " + second, change.GetProperty("label").GetString());
        Assert.Equal(60, Assert.Single(timeline.GetProperty("outcomeModelChanges").EnumerateArray()).GetProperty("position").GetDouble());
        Assert.Equal(second, timeline.GetProperty("modelVersion").GetString());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Plotly_js_is_served_from_plotly_nets_own_bundle_and_cached()
    {
        using var app = new WebApp(model.Folder);

        var response = await app.CreateClient().GetAsync(DashboardEndpoints.PlotlyJsPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("max-age=86400", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var assembly = typeof(GenericChart).Assembly;
        using var bundle = assembly.GetManifestResourceStream(assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal)))!;
        using var copy = new MemoryStream();
        await bundle.CopyToAsync(copy);
        Assert.Equal(copy.ToArray(), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public void The_csp_allows_no_inline_style_but_the_two_plotly_sets_hashed_as_csp_says()
    {
        // SHA-256 of the empty string (FIPS 180-4 test vector e3b0c442…b855), in base64.
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", Convert.ToBase64String(SHA256.HashData([])));
        Assert.StartsWith("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=' 'sha256-", PlotlyStyleHashes.Sources, StringComparison.Ordinal);
        Assert.Equal(2, PlotlyStyleHashes.Values.Count);
        Assert.Equal("image-rendering: optimizeSpeed; image-rendering: -moz-crisp-edges; image-rendering: -o-crisp-edges; image-rendering: -webkit-optimize-contrast; "
            + "image-rendering: optimize-contrast; image-rendering: crisp-edges; image-rendering: pixelated; ", PlotlyStyleHashes.Values[1]);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    private static void AssertClose(IEnumerable<double> expected, IEnumerable<double> actual, double tolerance)
    {
        var (e, a) = (expected.ToArray(), actual.ToArray());
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= tolerance, $"value {i}: expected {e[i]:R}, got {a[i]:R}");
        }
    }
}
