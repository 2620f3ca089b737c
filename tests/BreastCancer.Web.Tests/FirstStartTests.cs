using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Web.Models;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The first start with an empty model folder: the app listens at once, its liveness and its metrics answer (the
/// metrics with <c>bc_ready 0</c> and no drift gauges), its readiness
/// (<c>/health</c>) and everything that needs the model answer 503 problem details with <c>Retry-After</c> while the
/// first model is trained, and the app serves once it is saved; a first model that cannot be made leaves the app up,
/// not ready, saying so. The training is held at its start by WDBC's file being a <see cref="GatedFile"/>.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class FirstStartTests(TrainedModel model) : IDisposable
{
    private static readonly string[] NeedTheModel = ["/health", "/", "/dashboard", "/api/model", "/api/models", "/api/monitoring/drift", "/openapi/v1.json"];

    /// <summary>How long the default model's training may take: 10–45 s alone, much longer beside the other tests on a busy machine.</summary>
    private const int TrainingPatienceSeconds = 600;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-first-start-{Guid.NewGuid():N}");

    private static string WdbcFile => Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "data", "wdbc.csv");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_no_model_the_app_answers_at_once_503_with_Retry_After_while_it_trains_and_200_once_the_model_is_saved()
    {
        using var data = new GatedFile("wdbc.csv");
        var models = Path.Combine(_folder, "models");
        using var app = AppProcess.Start($"--Model:Folder={models}", $"--Model:Data={data.Path}", $"--Monitoring:Database={Path.Combine(_folder, "predictions.db")}");
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal("starting", (await LivenessAsync(app, client)).GetProperty("status").GetString());
        var body = Patients.One(model.Wdbc.Subset(model.Split.Test).ToArray()[0]);
        var predicted = await client.PostAsync("/api/predict", Patients.Json(body));
        await AssertStartingAsync(predicted);
        foreach (var path in NeedTheModel)
        {
            await AssertStartingAsync(await client.GetAsync(path));
        }

        var starting = await client.GetStringAsync("/metrics");
        Assert.Contains("\nbc_ready 0\n", starting, StringComparison.Ordinal);
        Assert.Contains("bc_http_requests_total{route=\"/api/predict\",status=\"503\"} 1\n", starting, StringComparison.Ordinal);
        Assert.DoesNotContain("bc_drift", starting, StringComparison.Ordinal);
        Assert.False(ModelLoader.HasCurrentModel(models));

        data.Release(await File.ReadAllBytesAsync(WdbcFile));
        await app.WaitUntilServingAsync(patienceSeconds: TrainingPatienceSeconds);

        Assert.True(ModelLoader.HasCurrentModel(models));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/predict", Patients.Json(body))).StatusCode);
        Assert.Equal("ok", (await Patients.ReadJsonAsync(await client.GetAsync("/health/live"))).GetProperty("status").GetString());
        var serving = await client.GetStringAsync("/metrics");
        Assert.Contains("\nbc_ready 1\n", serving, StringComparison.Ordinal);
        Assert.Contains("\nbc_drift_window_rows 1\n", serving, StringComparison.Ordinal);
        Assert.Contains(app.Log, line => line.Contains("Trained and saved the default model", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Log, line => line.StartsWith("fail:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_model_that_cannot_be_made_is_logged_and_readiness_says_failed_while_the_app_stays_up()
    {
        using var data = new GatedFile("wdbc.csv");
        using var app = AppProcess.Start($"--Model:Folder={Path.Combine(_folder, "models")}", $"--Model:Data={data.Path}", $"--Monitoring:Database={Path.Combine(_folder, "predictions.db")}");
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(30) };
        await LivenessAsync(app, client);

        data.Release("not,a,data,set\n"u8.ToArray());
        while ((await Patients.ReadJsonAsync(await client.GetAsync("/health/live"))).GetProperty("status").GetString() == "starting")
        {
            await Task.Delay(100);
        }

        Assert.Equal("failed", (await Patients.ReadJsonAsync(await client.GetAsync("/health/live"))).GetProperty("status").GetString());
        foreach (var response in new[] { await client.GetAsync("/health"), await client.PostAsync("/api/predict", Patients.Json(new JsonObject())) })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Null(response.Headers.RetryAfter);
            Assert.Equal("failed", (await Patients.ReadJsonAsync(response)).GetProperty("state").GetString());
        }

        Assert.False(app.Process.HasExited);
        Assert.Contains(app.Log, line => line.StartsWith("crit:", StringComparison.Ordinal));
        Assert.Contains(app.Log, line => line.Contains("the first model could not be loaded or trained", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_the_app_starts_every_operation_of_the_document_answers_as_documented()
    {
        var document = await ServedDocument.ReadAsync(model.App.CreateClient());
        using var data = new GatedFile("wdbc.csv");
        using var app = new WebApp(Path.Combine(_folder, "models"), new Dictionary<string, string?> { ["Model:Data"] = data.Path, ["Security:ApiKey"] = "starting-key-0123456789" },
            waitForModel: false);
        var client = app.CreateClient();

        foreach (var (path, method, operation) in document.Operations)
        {
            var id = operation.GetProperty("operationId").GetString()!;
            var response = await client.SendAsync(document.Request(id, method == HttpMethod.Get ? null : new JsonArray(), "starting-key-0123456789"));
            Assert.True(response.StatusCode == (id is "getLiveness" or "getMetrics" ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable), $"{id} ({path}) answered {(int)response.StatusCode} while the app starts");
            await document.AssertDocumentedAsync(operation, response);
        }
    }

    /// <summary>Polls <c>/health/live</c> until the app listens (it answers before any model exists) and returns its answer.</summary>
    private static async Task<JsonElement> LivenessAsync(AppProcess app, HttpClient client)
    {
        while (true)
        {
            Assert.False(app.Process.HasExited, $"the app exited before listening:\n{string.Join('\n', app.Log)}");
            try
            {
                var live = await client.GetAsync("/health/live");
                Assert.Equal(HttpStatusCode.OK, live.StatusCode);
                return await Patients.ReadJsonAsync(live);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task AssertStartingAsync(HttpResponseMessage response)
    {
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{path} answered {(int)response.StatusCode} while the first model trains");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await Patients.ReadJsonAsync(response);
        Assert.Equal("starting", problem.GetProperty("state").GetString());
        Assert.Contains("training the first model", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
