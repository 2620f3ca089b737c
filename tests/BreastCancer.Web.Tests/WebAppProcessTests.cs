using System.Net.Sockets;
using BreastCancer.Analysis.Data;
using BreastCancer.WebApp.Client;

namespace BreastCancer.Web.Tests;

/// <summary>The library's launcher of the app (what notebook 08 starts): the README's <c>dotnet run</c> on a free loopback port, stopped on the first dispose (the using block's is the second).</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class WebAppProcessTests(TrainedModel model)
{
    [Fact]
    public async Task The_app_starts_on_loopback_with_the_given_stores_answers_takes_a_repeated_outcome_once_and_stops_once_however_often_disposed()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bc-web-process-{Guid.NewGuid():N}");
        var database = Path.Combine(folder, "monitoring", "predictions.db");
        var repository = Path.GetDirectoryName(DataFiles.Folder)!;
        Uri address;
        await using (var app = await WebAppProcess.StartAsync(new WebAppOptions(model.Folder, database, "process-key", new Dictionary<string, string> { ["Monitoring:Window"] = "50" })))
        {
            address = app.Address;
            Assert.Equal("127.0.0.1", address.Host);
            Assert.Equal(Path.Combine(repository, "app", "BreastCancer.Web"), WebAppProcess.ProjectFolder);
            var row = model.Wdbc.Subset(model.Split.Test).ToArray()[0];
            var served = Assert.Single(await app.Client.PredictAsync([row], FeatureCatalog.WdbcFeatures));
            Assert.Equal(model.Saved.PredictProbability([row])[0], served.Probability, 12);
            await app.Client.RecordOutcomesAsync([served], [true]);
            await app.Client.RecordOutcomesAsync([served], [true]);
            Assert.Equal(1, (await app.Client.PerformanceAsync()).Rows);
            await Assert.ThrowsAsync<WebAppException>(() => app.Client.RecordOutcomesAsync([served], [false]));
            Assert.True(File.Exists(database), "the monitoring store is where the options put it");
            Assert.Contains(app.Log, line => line.Contains($"Loaded model {model.Saved.Version}", StringComparison.Ordinal));
            Assert.Contains(app.Log, line => line.Contains($"Watching parent process {Environment.ProcessId}", StringComparison.Ordinal));
            await app.DisposeAsync();
        }

        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(address.Host, address.Port));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Before_it_reports_ready_the_app_has_loaded_its_own_dashboard_once_and_metrics_count_those_requests()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bc-web-warm-{Guid.NewGuid():N}");
        await using (var app = await WebAppProcess.StartAsync(new WebAppOptions(model.Folder, Path.Combine(folder, "predictions.db"), "process-key", new Dictionary<string, string>())))
        {
            using var client = new HttpClient { BaseAddress = app.Address };
            var metrics = await client.GetStringAsync("/metrics");

            Assert.Contains("bc_http_requests_total{route=\"dashboard\",status=\"200\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.Contains("bc_http_requests_total{route=\"/api/monitoring/charts\",status=\"200\"} 1\n", metrics, StringComparison.Ordinal);
            Assert.DoesNotContain(app.Log, line => line.Contains("Loading the dashboard ahead of the first visitor", StringComparison.Ordinal));
        }

        Directory.Delete(folder, recursive: true);
    }
}
