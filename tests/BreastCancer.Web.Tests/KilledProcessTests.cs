using BreastCancer.Web.Monitoring;
using Microsoft.Data.Sqlite;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class KilledProcessTests(TrainedModel model) : IDisposable
{
    private const int BatchSize = 20;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-killed-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_app_killed_while_it_records_predictions_leaves_a_readable_store_of_whole_batches_holding_every_answered_prediction()
    {
        var database = Path.Combine(_folder, "predictions.db");
        using var app = AppProcess.Start($"--Model:Folder={model.Folder}", $"--Monitoring:Database={database}", "--RateLimit:PermitsPerMinute=100000000");
        await SendUntilKilledAsync(app);

        using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            connection.Open();
            using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", check.ExecuteScalar());
        }

        using var store = new PredictionStore(database);
        var stored = store.Recent(1_000_000);
        Assert.Equal(0, stored.Count % BatchSize);
        Assert.All(stored, p => Assert.True(p.Features.Count == 30 && p.Features.All(double.IsFinite) && p.Probability is >= 0 and <= 1));
        Assert.Subset(stored.Select(p => p.Id).ToHashSet(), _answered.ToHashSet());
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<Guid> _answered = [];

    /// <summary>Four clients send batches of <see cref="BatchSize"/> until 400 predictions are answered; then the app is killed (SIGKILL) with requests in flight.</summary>
    private async Task SendUntilKilledAsync(AppProcess app)
    {
        await app.WaitUntilServingAsync();
        using var client = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(10) };
        var rows = model.Wdbc.Subset(model.Split.Test).ToArray();
        using var stop = new CancellationTokenSource();

        var senders = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var batch = Enumerable.Range(0, BatchSize).Select(k => rows[((s * 31) + (i * BatchSize) + k) % rows.Length]);
                    var response = await client.PostAsync("/api/predict", Patients.Json(Patients.Batch(batch)), stop.Token);
                    var body = await Patients.ReadJsonAsync(response);
                    foreach (var prediction in body.GetProperty("predictions").EnumerateArray())
                    {
                        _answered.Add(Guid.Parse(prediction.GetProperty("predictionId").GetString()!));
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or IOException)
                {
                    return;
                }
            }
        })).ToArray();
        while (_answered.Count < 400)
        {
            await Task.Delay(20);
        }

        app.Process.Kill(entireProcessTree: true);
        await app.Process.WaitForExitAsync();
        await stop.CancelAsync();
        await Task.WhenAll(senders);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
