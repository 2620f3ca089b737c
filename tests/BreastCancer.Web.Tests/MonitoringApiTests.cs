using System.Net;
using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class MonitoringApiTests(TrainedModel model)
{
    private const string Key = MonitoringStream.Key;
    private static readonly string[] SizeProperties = ["radius", "perimeter", "area"];

    private double[][] HeldOut => model.Wdbc.Subset(model.Split.Test).ToArray();

    [Fact]
    public async Task An_outcome_needs_the_key_names_bad_fields_takes_the_first_diagnosis_answers_a_repeat_as_the_first_counting_it_once_and_knows_unknown_ids()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        var id = (await PredictAsync(client, [HeldOut[0]]))[0].Id;

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOutcomeAsync(client, $$"""{"predictionId":"{{id}}","malignant":true}""", key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostOutcomeAsync(client, $$"""{"predictionId":"{{id}}","malignant":true}""", key: "wrong")).StatusCode);
        var bad = await PostOutcomeAsync(client, """{"predictionId":"not-a-guid","malignant":"yes","extra":1}""", Key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["extra", "malignant", "predictionId"], (await Patients.ErrorsAsync(bad)).Keys.Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await PostOutcomeAsync(client, $$"""{"predictionId":"{{id}}","malignant":true}""", Key)).StatusCode);
        var repeated = await PostOutcomeAsync(client, $$"""{"predictionId":"{{id}}","malignant":true}""", Key);
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.True((await Patients.ReadJsonAsync(repeated)).GetProperty("malignant").GetBoolean());
        var contradicted = await PostOutcomeAsync(client, $$"""{"predictionId":"{{id}}","malignant":false}""", Key);
        Assert.Equal(HttpStatusCode.Conflict, contradicted.StatusCode);
        Assert.Contains("(malignant)", (await Patients.ReadJsonAsync(contradicted)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("bc_outcomes_total 1\n", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PostOutcomeAsync(client, $$"""{"predictionId":"{{Guid.NewGuid()}}","malignant":false}""", Key)).StatusCode);
        var twice = await PostOutcomeAsync(client, $$"""{"predictionId":"{{id}}","malignant":true,"malignant":false}""", Key);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("appears 2 times", Assert.Single((await Patients.ErrorsAsync(twice))["malignant"]), StringComparison.Ordinal);
        using var form = new HttpRequestMessage(HttpMethod.Post, "/api/outcomes") { Content = new FormUrlEncodedContent([new("predictionId", id.ToString()), new("malignant", "false")]) };
        form.Headers.Add("X-Api-Key", Key);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.SendAsync(form)).StatusCode);
        Assert.Contains("bc_outcomes_total 1\n", await client.GetStringAsync("/metrics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_key_outcomes_are_refused_and_say_why()
    {
        using var app = new WebApp(model.Folder);
        var response = await PostOutcomeAsync(app.CreateClient(), $$"""{"predictionId":"{{Guid.NewGuid()}}","malignant":true}""", Key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Security:ApiKey", (await Patients.ReadJsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_held_out_patients_raise_no_drift_alarm_and_their_outcomes_give_the_sensitivity_and_specificity_of_the_librarys_predictions()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        var labels = model.Wdbc.Subset(model.Split.Test).IsMalignant;

        var predictions = await PredictAsync(client, HeldOut);
        foreach (var (prediction, malignant) in predictions.Zip(labels))
        {
            Assert.Equal(HttpStatusCode.OK, (await PostOutcomeAsync(client, $$"""{"predictionId":"{{prediction.Id}}","malignant":{{(malignant ? "true" : "false")}}}""", Key)).StatusCode);
        }

        var drift = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/drift"));
        Assert.Equal(HeldOut.Length, drift.GetProperty("windowRows").GetInt32());
        Assert.False(drift.GetProperty("report").GetProperty("drifted").GetBoolean(), drift.ToString());
        var probabilities = model.Saved.PredictProbability(HeldOut);
        var expected = LivePerformance.Compute(probabilities, model.Saved.Decide(probabilities), labels);
        var performance = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/performance"));
        Assert.Equal(expected.Sensitivity.Value, performance.GetProperty("sensitivity").GetProperty("value").GetDouble(), 12);
        Assert.Equal(expected.Specificity.Value, performance.GetProperty("specificity").GetProperty("value").GetDouble(), 12);
        Assert.Equal(expected.RocAuc, performance.GetProperty("rocAuc").GetDouble(), 12);
        Assert.Equal(HeldOut.Length, performance.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task A_scanner_reading_sizes_fifteen_percent_high_is_caught_in_the_size_features_and_shown_in_the_metrics()
    {
        using var app = new WebApp(model.Folder);
        var client = app.CreateClient();
        var shifted = HeldOut.Select(MonitoringStream.Inflated).ToArray();

        var predictions = await PredictAsync(client, shifted);

        var drift = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/drift"));
        var report = drift.GetProperty("report");
        Assert.True(report.GetProperty("drifted").GetBoolean());
        var drifted = report.GetProperty("driftedFeatures").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.Contains("area_worst", drifted);
        Assert.All(drifted, f => Assert.Contains(f.Split('_')[0], SizeProperties));
        var metrics = await (await client.GetAsync("/metrics")).Content.ReadAsStringAsync();
        var biopsies = predictions.Count(p => p.Biopsy);
        Assert.Contains($"bc_predictions_total{{decision=\"biopsy\"}} {biopsies}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"bc_predictions_total{{decision=\"no_biopsy\"}} {predictions.Count - biopsies}\n", metrics, StringComparison.Ordinal);
        Assert.Contains("bc_drift_detected 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("bc_drift_feature_psi{feature=\"area_worst\"}", metrics, StringComparison.Ordinal);
        var requests = (int)Math.Ceiling(shifted.Length / (double)Batch);
        Assert.Contains($"bc_predict_duration_seconds_count {requests}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"bc_http_requests_total{{route=\"/api/predict\",status=\"200\"}} {requests}\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_window_below_the_minimum_gives_no_report_but_its_size()
    {
        using var app = new WebApp(model.Folder);
        var client = app.CreateClient();
        await PredictAsync(client, HeldOut[..10]);

        var drift = await Patients.ReadJsonAsync(await client.GetAsync("/api/monitoring/drift"));

        Assert.Equal(10, drift.GetProperty("windowRows").GetInt32());
        Assert.Equal(100, drift.GetProperty("minimumRows").GetInt32());
        Assert.Equal(JsonValueKind.Null, drift.GetProperty("report").ValueKind);
    }

    private const int Batch = 40;

    private static async Task<List<(Guid Id, bool Biopsy)>> PredictAsync(HttpClient client, IReadOnlyList<double[]> rows)
    {
        var predictions = new List<(Guid, bool)>();
        foreach (var chunk in rows.Chunk(Batch))
        {
            var response = await client.PostAsync("/api/predict", Patients.Json(Patients.Batch(chunk)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Patients.ReadJsonAsync(response);
            predictions.AddRange(body.GetProperty("predictions").EnumerateArray().Select(p => (Guid.Parse(p.GetProperty("predictionId").GetString()!), p.GetProperty("biopsyRecommended").GetBoolean())));
        }

        return predictions;
    }

    private static Task<HttpResponseMessage> PostOutcomeAsync(HttpClient client, string body, string? key) => Patients.PostAsync(client, "/api/outcomes", body, key);
}
