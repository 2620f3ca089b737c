using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Web.Models;
using BreastCancer.Web.Monitoring;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The model update from confirmed outcomes, through <c>POST /api/models/retrain</c> and the <c>retrain</c> command, on a
/// copy of the fixture's model. Outcomes are WDBC's held-out rows: with the size features scaled (a population of larger
/// tumours, correctly diagnosed), or with 30 % of their diagnoses misrecorded (seeded).
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class RetrainTests(TrainedModel model) : IDisposable
{
    private const string Key = "retrain-key-0123456789";

    /// <summary>
    /// A sensitivity margin of 0.15 instead of the default 0.05: on the 43 cancers of the held-out rows, a challenger
    /// that misses one more cancer than the champion has a score interval reaching a loss of 0.12 (the library's tests
    /// show the default keeps the champion), so the tests of the promotion mechanism set a margin that lets it through.
    /// </summary>
    private const string WiderSensitivityMargin = "0.15";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-retrain-{Guid.NewGuid():N}");
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }

        _stdout.Dispose();
        _stderr.Dispose();
    }

    private string Models => Path.Combine(_folder, "models");

    private string Current => File.ReadAllText(Path.Combine(Models, ModelStore.CurrentFile)).Trim();

    /// <summary>The held-out rows with radius and perimeter × <paramref name="scale"/> and areas × its square, and their diagnoses with a seeded share <paramref name="misrecorded"/> flipped.</summary>
    private (double[][] Rows, bool[] Malignant) HeldOut(double scale, double misrecorded = 0)
    {
        var heldOut = model.Wdbc.Subset(model.Split.Test);
        var names = heldOut.FeatureNames;
        var random = new Random(5);
        var rows = heldOut.ToArray().Select(r => r.Select((v, f) => names[f].StartsWith("area_", StringComparison.Ordinal) ? v * scale * scale
            : names[f].StartsWith("radius_", StringComparison.Ordinal) || names[f].StartsWith("perimeter_", StringComparison.Ordinal) ? v * scale : v).ToArray()).ToArray();
        return (rows, [.. heldOut.IsMalignant.Select(m => m != random.NextDouble() < misrecorded)]);
    }

    /// <summary>The fixture's model copied into this test's models folder, and made current there.</summary>
    private void CopyChampion()
    {
        var target = Path.Combine(Models, model.Saved.Version);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(model.Folder, model.Saved.Version)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(Models, ModelStore.CurrentFile), model.Saved.Version + "\n");
    }

    /// <summary>Predicts every row through the API (batches of 50, within the body limit) and reports its diagnosis as the confirmed outcome.</summary>
    private static async Task RecordOutcomesAsync(HttpClient client, double[][] rows, bool[] malignant)
    {
        var ids = new List<string>();
        foreach (var batch in rows.Chunk(50))
        {
            var answer = await Patients.ReadJsonAsync(await client.PostAsync("/api/predict", Patients.Json(Patients.Batch(batch))));
            ids.AddRange(answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("predictionId").GetString()!));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var response = await Patients.PostAsync(client, "/api/outcomes", $$"""{"predictionId":"{{ids[i]}}","malignant":{{(malignant[i] ? "true" : "false")}}}""", Key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>A monitoring database holding one prediction per row, each with its diagnosis as the confirmed outcome.</summary>
    private string DatabaseWith(double[][] rows, bool[] malignant)
    {
        var path = Path.Combine(_folder, "monitoring", "predictions.db");
        using var store = new PredictionStore(path);
        var time = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        var records = rows.Select(r => new PredictionRecord(Guid.NewGuid(), time, model.Saved.Version, r, 0.5, true)).ToArray();
        store.Record(records);
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(OutcomeResult.Recorded, store.RecordOutcome(records[i].Id, malignant[i], time));
        }

        return path;
    }

    private int Retrain(params string[] args) => RetrainCommand.Run(args, _stdout, _stderr);

    private static async Task<string?> ServedVersionAsync(HttpClient client) =>
        (await Patients.ReadJsonAsync(await client.GetAsync("/health"))).GetProperty("modelVersion").GetString();

    [Fact]
    public async Task Outcomes_of_a_shifted_population_give_a_challenger_that_within_a_wider_sensitivity_margin_is_promoted_served_without_a_restart_reloads_with_its_rows_and_rolls_back()
    {
        CopyChampion();
        using var app = new WebApp(Models, new Dictionary<string, string?> { ["Security:ApiKey"] = Key, ["Retrain:MaxSensitivityLoss"] = WiderSensitivityMargin });
        var client = app.CreateClient();
        var (rows, malignant) = HeldOut(1.15);
        await RecordOutcomesAsync(client, rows, malignant);

        var response = await Patients.PostAsync(client, "/api/models/retrain", "", Key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await Patients.ReadJsonAsync(response);
        var challenger = report.GetProperty("challenger").GetString()!;
        Assert.True(report.GetProperty("promoted").GetBoolean());
        Assert.Equal(model.Saved.Version, report.GetProperty("champion").GetString());
        Assert.Equal(114, report.GetProperty("newOutcomes").GetInt32());
        Assert.Equal(455 + 114, report.GetProperty("trainingRows").GetInt32());
        var comparison = report.GetProperty("comparison");
        Assert.True(comparison.GetProperty("verdict").GetProperty("promote").GetBoolean());
        Assert.Equal(5, comparison.GetProperty("folds").GetArrayLength());
        var logLoss = comparison.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "LogLoss");
        Assert.True(logLoss.GetProperty("challenger").GetDouble() < logLoss.GetProperty("champion").GetDouble());
        Assert.Equal(challenger, await ServedVersionAsync(client));
        Assert.Equal(challenger, Current);

        var saved = ModelStore.Load(Models, challenger);
        Assert.Equal(114, saved.AddedRows!.Count);
        Assert.Equal(rows, saved.AddedRows.Rows);
        Assert.Equal(malignant, saved.AddedRows.Malignant);
        Assert.Equal(model.Saved.Version, saved.Card.Update!.Champion);
        Assert.Equal(0, saved.Card.HeldOut.AddedRowsAmongThem);
        Assert.Contains("bc-card-update", File.ReadAllText(Path.Combine(saved.Folder, ModelCardHtml.PageFileName)), StringComparison.Ordinal);
        var training = ModelLoader.TrainingRowsOf(saved, model.Wdbc);
        Assert.Equal(569, training.Rows.Count);
        Assert.Equal(rows[0], training.Rows[455]);
        var answer = await Patients.ReadJsonAsync(await client.PostAsync("/api/predict", Patients.Json(Patients.One(rows[3]))));
        Assert.Equal(challenger, answer.GetProperty("modelVersion").GetString());
        Assert.Equal(saved.PredictProbability([rows[3]])[0], answer.GetProperty("probability").GetDouble(), 12);
        Assert.Equal(saved.Card.ToJson(), await (await client.GetAsync("/api/model")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await Patients.PostAsync(client, "/api/models/rollback", "", Key)).StatusCode);
        Assert.Equal(model.Saved.Version, await ServedVersionAsync(client));
        Assert.Equal(model.Saved.Version, Current);
        var again = await Patients.ReadJsonAsync(await client.PostAsync("/api/predict", Patients.Json(Patients.One(rows[3]))));
        Assert.Equal(model.Saved.PredictProbability([rows[3]])[0], again.GetProperty("probability").GetDouble(), 12);
        Assert.Equal(new[] { model.Saved.Version, challenger }.Order(StringComparer.Ordinal), ModelStore.Versions(Models));
    }

    [Fact]
    public async Task A_challenger_worse_on_the_outcomes_is_saved_but_not_promoted_and_the_app_keeps_serving_the_champion()
    {
        CopyChampion();
        using var app = new WebApp(Models, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        var (rows, malignant) = HeldOut(1.0, misrecorded: 0.3);
        await RecordOutcomesAsync(client, rows, malignant);

        var report = await Patients.ReadJsonAsync(await Patients.PostAsync(client, "/api/models/retrain", """{"promote": true}""", Key));

        Assert.False(report.GetProperty("promoted").GetBoolean());
        var verdict = report.GetProperty("comparison").GetProperty("verdict");
        Assert.False(verdict.GetProperty("promote").GetBoolean());
        Assert.Contains(verdict.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("ROC AUC:", StringComparison.Ordinal) && r.GetString()!.EndsWith(": possibly worse", StringComparison.Ordinal));
        Assert.Equal(model.Saved.Version, Current);
        Assert.Equal(model.Saved.Version, await ServedVersionAsync(client));
        var challenger = report.GetProperty("challenger").GetString()!;
        Assert.Contains(challenger, ModelStore.Versions(Models));
        Assert.False(ModelStore.Load(Models, challenger).Card.Update!.Verdict.Promote);
        Assert.Equal(114, ModelStore.Load(Models, challenger).Card.HeldOut.AddedRowsAmongThem);
        Assert.Equal(HttpStatusCode.Conflict, (await Patients.PostAsync(client, "/api/models/rollback", "", Key)).StatusCode);
    }

    [Fact]
    public async Task A_tumour_predicted_twice_under_one_case_number_is_one_case_of_the_comparison_and_its_outcomes_share_a_fold()
    {
        CopyChampion();
        using var app = new WebApp(Models, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        var (measured, malignant) = HeldOut(1.0);
        var (rescanned, _) = HeldOut(1.15);
        var ids = new List<string>();
        foreach (var (rows, batch) in new[] { (measured, 0), (rescanned, 1) }.SelectMany(s => s.Item1.Select((r, i) => (r, i)).Chunk(50).Select(c => (c, s.Item2))))
        {
            var body = new JsonArray([.. rows.Select(r => (JsonNode)new JsonObject { ["features"] = Patients.Features(r.r), ["case"] = $"tumour {r.i}" })]);
            var answer = await Patients.ReadJsonAsync(await client.PostAsync("/api/predict", Patients.Json(new JsonObject { ["patients"] = body })));
            ids.AddRange(answer.GetProperty("predictions").EnumerateArray().Select(p => p.GetProperty("predictionId").GetString()!));
        }

        for (var i = 0; i < ids.Count; i++)
        {
            var response = await Patients.PostAsync(client, "/api/outcomes", $$"""{"predictionId":"{{ids[i]}}","malignant":{{(malignant[i % malignant.Length] ? "true" : "false")}}}""", Key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var report = await Patients.ReadJsonAsync(await Patients.PostAsync(client, "/api/models/retrain", """{"promote": false}""", Key));

        var comparison = report.GetProperty("comparison");
        var n = measured.Length;
        Assert.Equal((2 * n, n), (comparison.GetProperty("outcomes").GetInt32(), comparison.GetProperty("cases").GetInt32()));
        var foldOf = comparison.GetProperty("folds").EnumerateArray()
            .SelectMany(f => f.GetProperty("outcomes").EnumerateArray().Select(o => (Outcome: o.GetInt32(), Fold: f.GetProperty("fold").GetInt32())))
            .ToDictionary(o => o.Outcome, o => o.Fold);
        Assert.All(Enumerable.Range(0, n), r => Assert.Equal(foldOf[r], foldOf[n + r]));
        Assert.All(comparison.GetProperty("metrics").EnumerateArray(), m => Assert.True(m.GetProperty("low").GetDouble() <= m.GetProperty("high").GetDouble()));
        var saved = ModelStore.Load(Models, report.GetProperty("challenger").GetString()!);
        Assert.Equal([.. Enumerable.Range(0, 2 * n).Select(r => $"tumour {r % n}")], saved.AddedRows!.Cases);
    }

    [Fact]
    public async Task Retraining_needs_the_key_a_valid_body_and_enough_outcomes_of_each_diagnosis()
    {
        CopyChampion();
        using (var closed = new WebApp(Models))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Patients.PostAsync(closed.CreateClient(), "/api/models/retrain", "", Key)).StatusCode);
        }

        using var app = new WebApp(Models, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await Patients.PostAsync(client, "/api/models/retrain", "", key: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Patients.PostAsync(client, "/api/models/retrain", "", "wrong")).StatusCode);
        var bad = await Patients.PostAsync(client, "/api/models/retrain", """{"promote": "yes"}""", Key);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("promote", (await Patients.ErrorsAsync(bad)).Keys);

        var (rows, malignant) = HeldOut(1.0);
        var few = Enumerable.Range(0, rows.Length).Where(r => malignant[r]).Take(4).Concat(Enumerable.Range(0, rows.Length).Where(r => !malignant[r]).Take(12)).ToArray();
        await RecordOutcomesAsync(client, [.. few.Select(r => rows[r])], [.. few.Select(r => malignant[r])]);
        var refused = await Patients.PostAsync(client, "/api/models/retrain", "", Key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await Patients.ReadJsonAsync(refused);
        Assert.Contains("4 malignant and 12 benign", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("at least 10 of each", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((4, 12, 10), (problem.GetProperty("malignant").GetInt32(), problem.GetProperty("benign").GetInt32(), problem.GetProperty("needed").GetInt32()));
        Assert.Equal([model.Saved.Version], ModelStore.Versions(Models));
    }

    [Fact]
    public void The_command_saves_and_promotes_a_better_challenger_exit_0_and_a_tampered_version_is_refused_naming_its_file()
    {
        CopyChampion();
        var (rows, malignant) = HeldOut(1.15);
        var database = DatabaseWith(rows, malignant);
        var margin = $"--Retrain:MaxSensitivityLoss={WiderSensitivityMargin}";

        Assert.Equal(RetrainCommand.NotPromoted, Retrain("--database", database, "--models", Models, "--no-promote"));
        Assert.Contains("verdict: keep the champion", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(RetrainCommand.Promoted, Retrain("--database", database, "--models", Models, "--no-promote", margin));
        Assert.Equal(model.Saved.Version, Current);
        Assert.Contains("not made current (--no-promote)", _stdout.ToString(), StringComparison.Ordinal);

        Assert.Equal(RetrainCommand.Promoted, Retrain("--database", database, "--models", Models, "--Retrain:Seed=1", margin));

        var text = _stdout.ToString();
        var challenger = Current;
        Assert.NotEqual(model.Saved.Version, challenger);
        Assert.Equal([model.Saved.Version, challenger], ModelStore.Versions(Models).Order(StringComparer.Ordinal).OrderBy(v => v != model.Saved.Version));
        Assert.Contains("verdict: promote", text, StringComparison.Ordinal);
        Assert.Contains($"promoted: {challenger} is now current", text, StringComparison.Ordinal);
        Assert.Contains("ROC AUC", text, StringComparison.Ordinal);
        Assert.Contains($"champion {model.Saved.Version}: 455 training rows; 114 new outcomes (43 malignant), 0 already trained on", text, StringComparison.Ordinal);
        Assert.Empty(_stderr.ToString());

        var file = Path.Combine(Models, challenger, AddedTrainingRows.FileName);
        var lines = File.ReadAllLines(file);
        lines[7] = lines[7].Replace(",", ",1", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);
        var tampered = Assert.Throws<ModelFileException>(() => ModelStore.Load(Models, challenger));
        Assert.StartsWith($"{file}: ", tampered.Message, StringComparison.Ordinal);
        Assert.Contains("the file was changed after the model was saved", tampered.Message, StringComparison.Ordinal);
        File.Delete(file);
        Assert.Contains("is missing", Assert.Throws<ModelFileException>(() => ModelStore.Load(Models, challenger)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_keeps_the_champion_for_a_worse_challenger_exit_1_refuses_too_few_outcomes_exit_3_and_bad_usage_exit_2()
    {
        CopyChampion();
        var (rows, malignant) = HeldOut(1.0, misrecorded: 0.3);
        var database = DatabaseWith(rows, malignant);

        Assert.Equal(RetrainCommand.NotPromoted, Retrain("--database", database, "--models", Models));
        Assert.Equal(model.Saved.Version, Current);
        Assert.Contains("verdict: keep the champion", _stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains($"not promoted: {model.Saved.Version} stays current", _stdout.ToString(), StringComparison.Ordinal);

        Assert.Equal(RetrainCommand.Refused, Retrain("--database", database, "--models", Models, "--Retrain:MinOutcomesPerClass", "60"));
        Assert.Contains("but at least 60 of each are needed (Retrain:MinOutcomesPerClass); nothing trained or saved", _stderr.ToString(), StringComparison.Ordinal);

        Assert.Equal(RetrainCommand.Failure, Retrain("--models", Models, "--database", Path.Combine(_folder, "none.db")));
        Assert.Contains($"no monitoring database at {Path.Combine(_folder, "none.db")}", _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "none.db")));
        Assert.Equal(RetrainCommand.Failure, Retrain("--fast"));
        Assert.Contains("retrain: unknown option --fast\nDescription:", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage:\n  retrain [<--Section:Key=value>...] [options]", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(RetrainCommand.Failure, Retrain("--Retrain:Folds"));
        Assert.Contains("retrain: --Retrain:Folds needs a value\n", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(RetrainCommand.Failure, Retrain("notes.txt"));
        Assert.Contains("retrain: unexpected argument 'notes.txt'", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(RetrainCommand.Failure, Retrain("--database", database, "--models", Models, "--Retrain:Folds=1"));
        Assert.Contains("retrain: Retrain:Folds must be at least 2, not 1", _stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, ModelStore.Versions(Models).Count);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_exits_0_on_the_output_with_every_option_and_saves_nothing(string help)
    {
        CopyChampion();

        Assert.Equal(0, Retrain(help, "--models", Models));

        var text = _stdout.ToString();
        Assert.StartsWith("Description:\n  Does what POST /api/models/retrain does", text, StringComparison.Ordinal);
        Assert.All(["--database <PATH>", "--models <DIR>", "--no-promote", "<--Section:Key=value>", "-?, -h, --help"], o => Assert.Contains(o, text, StringComparison.Ordinal));
        Assert.Equal("", _stderr.ToString());
        Assert.Single(ModelStore.Versions(Models));
    }
}
