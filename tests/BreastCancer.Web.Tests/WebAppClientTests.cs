using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Monitoring;
using BreastCancer.WebApp.Client;

namespace BreastCancer.Web.Tests;

/// <summary>The library's client of the app's API (what notebook 08 calls) against the app itself: the contract both sides read.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class WebAppClientTests(TrainedModel model)
{
    [Fact]
    public async Task Predictions_outcomes_drift_performance_timeline_and_card_read_into_the_librarys_records()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = MonitoringStream.Key, ["Monitoring:Window"] = "100", ["Monitoring:TimelineStep"] = "25" });
        using var client = new WebAppClient(app.CreateClient(), MonitoringStream.Key);
        var test = model.Wdbc.Subset(model.Split.Test);
        double[][] stream = [.. test.ToArray(), .. test.ToArray().Select(MonitoringStream.Inflated)];
        bool[] outcomes = [.. test.IsMalignant, .. test.IsMalignant];

        Assert.Null(await client.DriftAsync());
        var served = await client.PredictAsync(stream, FeatureCatalog.WdbcFeatures);
        await client.RecordOutcomesAsync(served, outcomes);

        var probabilities = model.Saved.PredictProbability(stream);
        Assert.Equal(stream.Length, served.Count);
        Assert.Equal(served.Count, served.Select(s => s.PredictionId).Distinct().Count());
        Assert.All(served.Zip(probabilities), p => Assert.Equal(p.Second, p.First.Probability, 12));
        Assert.Equal(model.Saved.Decide(probabilities), served.Select(s => s.BiopsyRecommended));
        Assert.All(served, s => Assert.Equal(model.Saved.Version, s.ModelVersion));

        var train = model.Wdbc.Subset(model.Split.Train).ToArray();
        var detector = DriftDetector.ForModel(model.Saved.Card, train, model.Saved.PredictProbability(train));
        var expected = detector.Check(stream[^100..], probabilities[^100..]);
        var drift = await client.DriftAsync();
        Assert.NotNull(drift);
        Assert.Equal(expected.DriftedFeatures, drift.DriftedFeatures);
        Assert.Equal(expected.Features.Select(f => f.Band), drift.Features.Select(f => f.Band));
        Assert.Equal(expected.PredictionRate.WindowMalignant, drift.PredictionRate.WindowMalignant);
        Assert.Equal(expected.Thresholds, drift.Thresholds);

        var performance = await client.PerformanceAsync();
        var live = LivePerformance.Compute(probabilities[^100..], model.Saved.Decide(probabilities[^100..]), outcomes[^100..]);
        Assert.Equal(live.Counts, performance.Counts);
        Assert.Equal(live.Sensitivity.Low, performance.Sensitivity.Low, 12);

        var timeline = await client.TimelineAsync();
        Assert.Equal(DriftTimeline.Compute(detector, stream, probabilities, 100, 25).Checkpoints.Select(c => c.End), timeline.Drift.Checkpoints.Select(c => c.End));
        Assert.Equal(outcomes.Length, timeline.Performance.Outcomes);
        Assert.Equal(model.Saved.Card, await client.ModelAsync(), ModelCardComparer.Instance);
    }

    [Fact]
    public async Task A_refusal_names_the_request_the_status_and_the_apps_reasons()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = MonitoringStream.Key });
        using var client = new WebAppClient(app.CreateClient(), "wrong-key");
        var row = model.Wdbc.Subset(model.Split.Test).ToArray()[0];
        var bad = (double[])row.Clone();
        bad[0] = -1;

        var refused = await Assert.ThrowsAsync<WebAppException>(() => client.PredictAsync([row, bad], FeatureCatalog.WdbcFeatures));
        Assert.Equal(400, refused.Status);
        Assert.Contains("POST /api/predict (rows 1–2) was refused: 400", refused.Message, StringComparison.Ordinal);
        Assert.Contains("patients[1].features.radius_mean: must not be negative (got -1)", refused.Message, StringComparison.Ordinal);

        var served = await client.PredictAsync([row], FeatureCatalog.WdbcFeatures);
        var key = await Assert.ThrowsAsync<WebAppException>(() => client.RecordOutcomesAsync(served, [true]));
        Assert.Equal(401, key.Status);
        Assert.Throws<ArgumentException>(() => client.RecordOutcomesAsync(served, [true, false]).GetAwaiter().GetResult());
    }

    [Fact]
    public async Task A_retrain_reads_into_the_report_and_its_promotion_rolls_back()
    {
        var folder = ModelStore.Copy(model.Folder, Path.Combine(Path.GetTempPath(), $"bc-web-client-retrain-{Guid.NewGuid():N}"));
        using var app = new WebApp(folder, new Dictionary<string, string?> { ["Security:ApiKey"] = MonitoringStream.Key });
        using var client = new WebAppClient(app.CreateClient(), MonitoringStream.Key);
        var test = model.Wdbc.Subset(model.Split.Test);
        var shifted = SizeCalibrationShift.Apply(test.ToArray(), FeatureCatalog.WdbcFeatures, 1.15);
        await client.RecordOutcomesAsync(await client.PredictAsync(shifted, FeatureCatalog.WdbcFeatures), test.IsMalignant);

        var report = await client.RetrainAsync();

        Assert.Equal(model.Saved.Version, report.Champion);
        Assert.Equal(shifted.Length, report.NewOutcomes);
        Assert.Equal(model.Split.Train.Count + shifted.Length, report.TrainingRows);
        Assert.Equal(ChallengerComparison.Compared, report.Comparison.Metrics.Select(m => m.Metric));
        Assert.Equal(shifted.Length, report.Comparison.Folds.Sum(f => f.Outcomes.Count));
        Assert.Equal(report.Comparison.Verdict.Promote, report.Promoted);
        var served = (await client.ModelAsync()).Version;
        Assert.Equal(report.Promoted ? report.Challenger : report.Champion, served);
        Assert.Equal(shifted.Length, ModelStore.Load(folder, report.Challenger).Card.Update!.AddedRows.Rows);
        if (report.Promoted)
        {
            Assert.Equal(report.Champion, await client.RollbackAsync());
            Assert.Equal(report.Champion, (await client.ModelAsync()).Version);
        }

        var again = await client.RetrainAsync(promote: false);
        Assert.Equal(report.Challenger, again.Challenger);
        Assert.False(again.Promoted);
        Assert.Equal(report.Comparison.Metrics.Select(m => m.Difference), again.Comparison.Metrics.Select(m => m.Difference));
        Directory.Delete(folder, recursive: true);
    }

    private sealed class ModelCardComparer : IEqualityComparer<ModelCard>
    {
        public static readonly ModelCardComparer Instance = new();

        public bool Equals(ModelCard? x, ModelCard? y) => x?.ToJson() == y?.ToJson();

        public int GetHashCode(ModelCard obj) => obj.ToJson().GetHashCode(StringComparison.Ordinal);
    }
}
