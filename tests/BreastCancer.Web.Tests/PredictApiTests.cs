using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Web.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class PredictApiTests(TrainedModel model)
{
    private readonly HttpClient _client = model.App.CreateClient();

    private double[][] HeldOut => model.Wdbc.Subset(model.Split.Test).ToArray();

    [Fact]
    public async Task One_patient_gets_an_id_probability_decision_top_five_contributions_version_and_warnings()
    {
        var row = HeldOut[0];
        var response = await _client.PostAsync("/api/predict", Patients.Json(Patients.One(row)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await Patients.ReadJsonAsync(response);
        Assert.True(Guid.TryParse(body.GetProperty("predictionId").GetString(), out var id) && id != Guid.Empty);
        var p = body.GetProperty("probability").GetDouble();
        Assert.Equal(model.Saved.PredictProbability([row])[0], p, 12);
        var threshold = model.Saved.Card.Threshold.Threshold;
        Assert.Equal(threshold, body.GetProperty("threshold").GetDouble());
        Assert.Equal(p >= threshold, body.GetProperty("biopsyRecommended").GetBoolean());
        Assert.Equal(p >= threshold ? "biopsy recommended" : "biopsy not recommended", body.GetProperty("decision").GetString());
        Assert.Equal(model.Saved.Version, body.GetProperty("modelVersion").GetString());
        var top = body.GetProperty("explanation").GetProperty("topContributions").EnumerateArray().ToArray();
        Assert.Equal(5, top.Length);
        var magnitudes = top.Select(c => Math.Abs(c.GetProperty("logOdds").GetDouble())).ToArray();
        Assert.Equal(magnitudes.OrderByDescending(m => m), magnitudes);
        Assert.All(top, c =>
        {
            var feature = c.GetProperty("feature").GetString()!;
            Assert.Equal(row[BreastCancer.Analysis.Data.FeatureCatalog.WdbcFeatures.ToList().IndexOf(feature)], c.GetProperty("value").GetDouble());
            Assert.Equal(c.GetProperty("logOdds").GetDouble() > 0 ? "towards malignant" : "towards benign", c.GetProperty("direction").GetString());
        });
        Assert.Equal(JsonValueKind.Array, body.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Ids_are_version_7_uuids_carrying_the_stored_time_in_milliseconds_and_ordered_by_it()
    {
        var ids = new List<Guid>();
        foreach (var row in HeldOut.Take(3))
        {
            var body = await Patients.ReadJsonAsync(await _client.PostAsync("/api/predict", Patients.Json(Patients.One(row))));
            ids.Add(Guid.Parse(body.GetProperty("predictionId").GetString()!));
            await Task.Delay(5);
        }

        var stored = model.App.Services.GetRequiredService<PredictionStore>().Recent(100).ToDictionary(p => p.Id);
        Assert.All(ids, id =>
        {
            Assert.Equal(7, id.Version);
            var unixMs = long.Parse(id.ToString("N")[..12], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            Assert.Equal(stored[id].Time.ToUnixTimeMilliseconds(), unixMs);
        });
        Assert.Equal(ids.Select(id => id.ToString()).Order(StringComparer.Ordinal), ids.Select(id => id.ToString()));
    }

    [Fact]
    public async Task Probabilities_and_decisions_equal_the_librarys_for_all_114_held_out_rows()
    {
        var rows = HeldOut;
        Assert.Equal(114, rows.Length);
        var expected = model.Saved.PredictProbability(rows);
        var decisions = model.Saved.Decide(expected);
        var got = new List<JsonElement>();
        foreach (var chunk in rows.Chunk(40))
        {
            var response = await _client.PostAsync("/api/predict", Patients.Json(Patients.Batch(chunk)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            got.AddRange((await Patients.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray());
        }

        Assert.Equal(rows.Length, got.Count);
        for (var r = 0; r < rows.Length; r++)
        {
            Assert.Equal(expected[r], got[r].GetProperty("probability").GetDouble(), 1e-12);
            Assert.Equal(decisions[r], got[r].GetProperty("biopsyRecommended").GetBoolean());
        }

        Assert.Equal(rows.Length, got.Select(g => g.GetProperty("predictionId").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task The_contributions_add_up_with_the_base_value_to_the_log_odds_of_the_probability()
    {
        var predictions = new List<JsonElement>();
        foreach (var chunk in HeldOut.Chunk(40))
        {
            var response = await _client.PostAsync("/api/predict", Patients.Json(Patients.Batch(chunk)));
            predictions.AddRange((await Patients.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray());
        }

        var checkedRows = 0;
        foreach (var prediction in predictions)
        {
            var p = prediction.GetProperty("probability").GetDouble();
            var explanation = prediction.GetProperty("explanation");
            var sum = explanation.GetProperty("baseLogOdds").GetDouble() + explanation.GetProperty("otherFeaturesLogOdds").GetDouble()
                + explanation.GetProperty("topContributions").EnumerateArray().Sum(c => c.GetProperty("logOdds").GetDouble());
            // The model computes in single precision: its probability is exact to about 1e-7, so compare on the probability scale everywhere
            // and in log-odds where the logit does not magnify that rounding (0.01 <= p <= 0.99).
            Assert.Equal(p, 1 / (1 + Math.Exp(-sum)), 1e-6);
            if (p is >= 0.01 and <= 0.99)
            {
                Assert.Equal(Math.Log(p / (1 - p)), sum, 1e-4);
                checkedRows++;
            }
        }

        Assert.True(checkedRows >= 5, $"only {checkedRows} held-out rows have 0.01 <= p <= 0.99");
    }

    [Fact]
    public async Task A_value_outside_the_training_range_is_a_warning_naming_the_feature_and_its_range()
    {
        var row = HeldOut[0];
        var range = model.Saved.Card.Features[0];
        row[0] = range.Max + 10;
        var response = await _client.PostAsync("/api/predict", Patients.Json(Patients.One(row)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warning = Assert.Single((await Patients.ReadJsonAsync(response)).GetProperty("warnings").EnumerateArray(), w => w.GetProperty("feature").GetString() == "radius_mean");
        Assert.Equal(range.Min, warning.GetProperty("min").GetDouble());
        Assert.Equal(range.Max, warning.GetProperty("max").GetDouble());
        Assert.Contains("radius_mean", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("training range", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_outside_the_training_range_is_refused_when_the_server_rejects_them()
    {
        using var strict = new WebApp(model.Folder, new Dictionary<string, string?> { ["Validation:RejectOutOfRange"] = "true" });
        var row = HeldOut[0];
        row[3] = model.Saved.Card.Features[3].Max * 1.5;
        var response = await strict.CreateClient().PostAsync("/api/predict", Patients.Json(Patients.One(row)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Patients.ErrorsAsync(response);
        Assert.Contains("training range", Assert.Single(errors["features.area_mean"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_answers_each_patient_in_order_and_a_batch_over_the_cap_is_refused()
    {
        var rows = HeldOut.Take(3).ToArray();
        var response = await _client.PostAsync("/api/predict", Patients.Json(Patients.Batch(rows)));
        var probabilities = (await Patients.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("probability").GetDouble());
        Assert.Equal(model.Saved.PredictProbability(rows), probabilities);

        using var small = new WebApp(model.Folder, new Dictionary<string, string?> { ["Prediction:MaxBatchSize"] = "2" });
        var refused = await small.CreateClient().PostAsync("/api/predict", Patients.Json(Patients.Batch(rows)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("1 to 2 patients", Assert.Single((await Patients.ErrorsAsync(refused))["patients"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_fields_are_refused_by_name()
    {
        var body = Patients.One(HeldOut[0]);
        body["features"]!["radius_avg"] = 12;
        body["comment"] = "x";
        var response = await _client.PostAsync("/api/predict", Patients.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = await Patients.ErrorsAsync(response);
        Assert.Equal(["comment", "features.radius_avg"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_case_number_is_echoed_and_stored_with_its_prediction_and_a_bad_one_is_refused_by_its_field()
    {
        var one = Patients.One(HeldOut[0]);
        one["case"] = "T-0001";
        var batch = Patients.Batch(HeldOut[1..3]);
        batch["patients"]![0]!["case"] = "T-0002";

        var single = await Patients.ReadJsonAsync(await _client.PostAsync("/api/predict", Patients.Json(one)));
        var answers = (await Patients.ReadJsonAsync(await _client.PostAsync("/api/predict", Patients.Json(batch)))).GetProperty("predictions");

        Assert.Equal("T-0001", single.GetProperty("case").GetString());
        Assert.Equal("T-0002", answers[0].GetProperty("case").GetString());
        Assert.Equal(JsonValueKind.Null, answers[1].GetProperty("case").ValueKind);
        var stored = model.App.Services.GetRequiredService<PredictionStore>().Recent(1_000);
        Assert.Equal("T-0001", stored.Single(p => p.Id == single.GetProperty("predictionId").GetGuid()).Case);
        Assert.Null(stored.Single(p => p.Id == answers[1].GetProperty("predictionId").GetGuid()).Case);

        var bad = Patients.Batch(HeldOut[1..4]);
        bad["patients"]![0]!["case"] = 42;
        bad["patients"]![1]!["case"] = new string('x', 65);
        bad["patients"]![2]!["case"] = " T-3";
        bad["case"] = "T-4";
        var refused = await _client.PostAsync("/api/predict", Patients.Json(bad));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = await Patients.ErrorsAsync(refused);
        Assert.Equal(["case", "patients[0].case", "patients[1].case", "patients[2].case"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("1 to 64 printable characters", errors["patients[1].case"][0], StringComparison.Ordinal);
        Assert.Contains("belongs to each patient of a batch", errors["case"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_batch_of_100_patients_at_full_precision_indented_with_the_longest_case_numbers_fits_the_body_limit()
    {
        var rows = Enumerable.Range(0, 100).Select(i => HeldOut[i % HeldOut.Length].Select(v => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(v) + 1)).ToArray()).ToArray();
        var batch = Patients.Batch(rows);
        for (var i = 0; i < rows.Length; i++)
        {
            batch["patients"]![i]!["case"] = $"T{i:D63}";
        }

        var text = batch.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var response = await _client.PostAsync("/api/predict", Patients.Json(text));

        Assert.True(text.Length > 100_000, $"{text.Length} bytes");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, (await Patients.ReadJsonAsync(response)).GetProperty("predictions").GetArrayLength());
    }

    [Fact]
    public async Task A_body_not_declared_as_JSON_gets_415_naming_the_type_and_nothing_is_stored()
    {
        var store = model.App.Services.GetRequiredService<PredictionStore>();
        var before = store.Counts().Predictions;
        var json = Patients.One(HeldOut[0]).ToJsonString();
        using var plain = new StringContent(json, System.Text.Encoding.UTF8, "text/plain");
        using var form = new FormUrlEncodedContent([new("features", json)]);
        using var untyped = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json));

        var responses = new[] { await _client.PostAsync("/api/predict", plain), await _client.PostAsync("/api/predict", form), await _client.PostAsync("/api/predict", untyped) };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.UnsupportedMediaType, r.StatusCode));
        Assert.Contains("not text/plain", (await Patients.ReadJsonAsync(responses[0])).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("named no type", (await Patients.ReadJsonAsync(responses[2])).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, store.Counts().Predictions);
        using var vendor = new StringContent(json, System.Text.Encoding.UTF8, "application/vnd.clinic+json");
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/api/predict", vendor)).StatusCode);
    }

    [Theory]
    [InlineData("this is not JSON")]
    [InlineData("")]
    [InlineData("[1, 2, 3]")]
    public async Task A_body_that_is_not_a_JSON_object_is_refused_naming_the_body(string text)
    {
        var response = await _client.PostAsync("/api/predict", Patients.Json(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], (await Patients.ErrorsAsync(response)).Keys);
    }

    [Fact]
    public async Task A_bare_NaN_inside_a_batch_is_named_by_its_patient_and_feature()
    {
        var text = Patients.Batch(HeldOut.Take(2)).ToJsonString().Replace("\"area_mean\":", "\"area_mean\":NaN,\"x\":", StringComparison.Ordinal);
        var response = await _client.PostAsync("/api/predict", Patients.Json(text));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Patients.ErrorsAsync(response);
        Assert.Contains("NaN", Assert.Single(errors["patients[0].features.area_mean"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversize_body_gets_413()
    {
        var body = Patients.One(HeldOut[0]);
        body["padding"] = new string(' ', 300 * 1024);
        var response = await _client.PostAsync("/api/predict", Patients.Json(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_the_model_card_answer_with_the_served_version()
    {
        var health = await Patients.ReadJsonAsync(await _client.GetAsync("/health"));
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(model.Saved.Version, health.GetProperty("modelVersion").GetString());

        var response = await _client.GetAsync("/api/model");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = BreastCancer.Analysis.Deployment.ModelCard.FromJson(await response.Content.ReadAsStringAsync(), "/api/model");
        Assert.Equal(model.Saved.Version, card.Version);
        Assert.Equal(model.Saved.Card.Threshold, card.Threshold);
        Assert.Equal(model.Saved.Card.Features, card.Features);
        Assert.Equal("logistic regression, L2 (l2 = 3)", card.Model.Pipeline);
        Assert.Equal(1, card.Model.Seed);
    }

    [Fact]
    public async Task An_unhandled_exception_gives_problem_details_with_a_trace_id_and_no_stack_trace()
    {
        var response = await _client.GetAsync(WebApp.ThrowingPath);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(text).RootElement.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task The_app_serves_the_model_it_was_given_and_a_swap_changes_it_without_a_restart()
    {
        var holder = model.App.Services.GetService(typeof(BreastCancer.Web.Models.ModelHolder)) as BreastCancer.Web.Models.ModelHolder;
        Assert.NotNull(holder);
        Assert.Equal(model.Trained.Version, holder.Current.Version);
        Assert.Equal(model.Split.Train.Count, holder.Current.TrainingRows.Count);
        Assert.Equal(model.Wdbc.Subset(model.Split.Train).ToArray(), holder.Current.TrainingRows);

        var renamed = holder.Current with { Model = holder.Current.Model with { Card = holder.Current.Card with { Version = "swapped-for-test" } } };
        var previous = holder.Swap(renamed);
        try
        {
            var health = await Patients.ReadJsonAsync(await _client.GetAsync("/health"));
            Assert.Equal("swapped-for-test", health.GetProperty("modelVersion").GetString());
        }
        finally
        {
            Assert.Same(renamed, holder.Swap(previous));
        }
    }
}
