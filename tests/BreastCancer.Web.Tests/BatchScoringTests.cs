using System.Globalization;
using BreastCancer.Web.Batch;

namespace BreastCancer.Web.Tests;

/// <summary>The score command run in-process on temporary files, against the library's predictions for the same rows.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class BatchScoringTests(TrainedModel model) : IDisposable
{
    private readonly ScoreRun _run = new();

    private string[] Features => [.. model.Saved.Card.Features.Select(f => f.Name)];

    public void Dispose() => _run.Dispose();

    private string PathOf(string name) => _run.PathOf(name);

    private int Score(params string[] args) => _run.Score(args);

    /// <summary>Writes <paramref name="rows"/> (card order) with an id column first and the features in a seeded shuffled order.</summary>
    private string WriteRows(string name, IReadOnlyList<double[]> rows, int seed)
    {
        var order = Enumerable.Range(0, Features.Length).ToArray();
        new Random(seed).Shuffle(order);
        var path = PathOf(name);
        BatchFiles.Write(path, ["id", .. order.Select(f => Features[f])],
            rows.Select((row, r) => string.Join(',', [$"P{r + 1}", .. order.Select(f => BatchFiles.Text(row[f]))])));
        return path;
    }

    [Fact]
    public void All_569_WDBC_rows_in_shuffled_columns_score_as_the_saved_model_predicts_and_decides()
    {
        var rows = model.Wdbc.ToArray();
        var input = WriteRows("wdbc.csv", rows, seed: 7);
        var output = PathOf("scored.csv");

        Assert.Equal(ScoreCommand.Success, Score(input, "--out", output, "--models", model.Folder));

        var (header, records) = BatchFiles.Read(output);
        Assert.Equal(["id", "probability", "decision", "model_version"], header);
        Assert.Equal(569, records.Count);
        var expected = model.Saved.PredictProbability(rows);
        var decisions = model.Saved.Decide(expected);
        Assert.Equal(Enumerable.Range(1, 569).Select(r => $"P{r}"), BatchFiles.Column(header, records, "id"));
        Assert.Equal(expected, BatchFiles.Column(header, records, "probability").Select(p => double.Parse(p, CultureInfo.InvariantCulture)));
        Assert.Equal(decisions.Select(b => b ? "biopsy" : "no biopsy"), BatchFiles.Column(header, records, "decision"));
        Assert.Contains(decisions, b => b);
        Assert.Contains(decisions, b => !b);
        Assert.All(BatchFiles.Column(header, records, "model_version"), v => Assert.Equal(model.Saved.Version, v));
        Assert.Empty(_run.Errors.ToString());
        Assert.Contains("scored 569 rows, 0 invalid", _run.Output.ToString(), StringComparison.Ordinal);
        Assert.Contains("peak working set", _run.Output.ToString(), StringComparison.Ordinal);
        Assert.Equal(["scored.csv", "wdbc.csv"], Directory.GetFiles(_run.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Columns_other_than_the_features_pass_through_in_order_quoted_when_needed()
    {
        var row = model.Wdbc.ToArray()[0];
        var input = PathOf("notes.csv");
        BatchFiles.Write(input, ["patient_id", .. Features, "note", "diagnosis"],
            [string.Join(',', ["A-17", .. row.Select(BatchFiles.Text), "\"said \"\"hi\"\", twice\"", "M"])]);
        var output = PathOf("scored.csv");

        Assert.Equal(ScoreCommand.Success, Score(input, "--out", output, "--models", model.Folder));

        var (header, records) = BatchFiles.Read(output);
        Assert.Equal(["patient_id", "note", "diagnosis", "probability", "decision", "model_version"], header);
        var record = Assert.Single(records);
        Assert.Equal(["A-17", "said \"hi\", twice", "M"], record[..3]);
        Assert.Equal(model.Saved.PredictProbability([row])[0], double.Parse(record[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Bad_rows_are_reported_by_line_and_field_and_skipped_while_the_good_rows_are_scored()
    {
        var rows = model.Wdbc.ToArray();
        var lines = new List<string>();
        string Line(string id, double[] row, string? feature = null, string? cell = null) =>
            string.Join(',', [id, .. Features.Select((f, i) => f == feature ? cell! : BatchFiles.Text(row[i]))]);
        lines.Add(Line("good-1", rows[0]));
        lines.Add(Line("text", rows[1], "radius_mean", "abc"));
        lines.Add(Line("nan", rows[2], "texture_mean", "NaN"));
        lines.Add(Line("negative", rows[3], "area_se", "-1"));
        lines.Add(Line("huge", rows[4], "area_worst", "1000000"));
        lines.Add(string.Join(',', Line("short", rows[5]).Split(',')[..^2]));
        lines.Add(Line("good-2", rows[6]));
        var input = PathOf("bad.csv");
        BatchFiles.Write(input, ["id", .. Features], lines);
        var output = PathOf("scored.csv");

        Assert.Equal(ScoreCommand.SomeRowsInvalid, Score(input, "--out", output, "--models", model.Folder));

        var (header, records) = BatchFiles.Read(output);
        Assert.Equal(["good-1", "good-2"], BatchFiles.Column(header, records, "id"));
        Assert.Equal(model.Saved.PredictProbability([rows[0], rows[6]]), BatchFiles.Column(header, records, "probability").Select(p => double.Parse(p, CultureInfo.InvariantCulture)));
        var reported = _run.Errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
        [
            $"{input}:3: radius_mean must be a number such as 17.99, not \"abc\"",
            $"{input}:4: texture_mean must be a finite number, not NaN or infinite",
            $"{input}:5: area_se must not be negative (got -1)",
            $"{input}:6: area_worst must be at most 200000, the physical bound for area (got 1E+06)",
            $"{input}:7: the line has 29 cells, but the header has 31",
        ], reported);
        Assert.Contains("scored 2 rows, 5 invalid", _run.Output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("radius_mean", "0", "radius_mean must be more than 0: a nucleus has a size")]
    [InlineData("radius_se", "0", null)]
    [InlineData("smoothness_mean", "1", null)]
    [InlineData("smoothness_mean", "1.0001", "smoothness_mean must be at most 1, the physical bound for smoothness (got 1.0001)")]
    [InlineData("texture_worst", "", "texture_worst is empty: all 30 features are required")]
    [InlineData("texture_worst", "-Infinity", "texture_worst must be a finite number, not NaN or infinite")]
    public void Cells_at_the_physical_bounds_are_judged_as_FeatureBounds_judges_them(string feature, string cell, string? problem)
    {
        var row = model.Wdbc.ToArray()[0];
        var input = PathOf("bounds.csv");
        BatchFiles.Write(input, Features, [string.Join(',', Features.Select((f, i) => f == feature ? cell : BatchFiles.Text(row[i])))]);

        var exit = Score(input, "--out", PathOf("scored.csv"), "--models", model.Folder);

        Assert.Equal(problem is null ? ScoreCommand.Success : ScoreCommand.SomeRowsInvalid, exit);
        Assert.Equal(problem is null ? "" : $"{input}:2: {problem}\n", _run.Errors.ToString());
    }

    [Fact]
    public void Missing_feature_columns_exit_2_naming_them_before_any_row_and_leave_no_output()
    {
        var row = model.Wdbc.ToArray()[0];
        var kept = Features.Select((f, i) => (f, i)).Where(p => p.f is not ("radius_mean" or "area_worst")).ToList();
        var input = PathOf("missing.csv");
        BatchFiles.Write(input, ["id", .. kept.Select(p => p.f)], [string.Join(',', ["P1", .. kept.Select(p => BatchFiles.Text(row[p.i]))])]);
        var output = PathOf("scored.csv");

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", output, "--models", model.Folder));

        Assert.Contains($"{input}:1: missing feature columns (2 of 30): radius_mean, area_worst", _run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Equal(["missing.csv"], Directory.GetFiles(_run.Folder).Select(Path.GetFileName));
        Assert.Empty(_run.Output.ToString());
    }

    [Theory]
    [InlineData(new[] { "in.csv" }, new[] { "Option '--out' is required." })]
    [InlineData(new string[0], new[] { "Option '--out' is required.", "Required argument missing for command: 'score'." })]
    [InlineData(new[] { "in.csv", "--out" }, new[] { "Required argument missing for option: '--out'." })]
    [InlineData(new[] { "in.csv", "--out", "o.csv", "--fast" }, new[] { "Unrecognized command or argument '--fast'." })]
    [InlineData(new[] { "in.csv", "other.csv", "--out", "o.csv" }, new[] { "Unrecognized command or argument 'other.csv'." })]
    [InlineData(new[] { "in.csv", "--out", "o.csv", "--chunk-size", "x" }, new[] { "--chunk-size must be a whole number from 1 to 1000000, not 'x'" })]
    public void A_usage_error_exits_2_with_every_reason_and_the_usage(string[] args, string[] reasons)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            Assert.Equal(ScoreCommand.Failure, Score(args));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        var text = _run.Errors.ToString();
        Assert.StartsWith(string.Concat(reasons.Select(r => $"score: {r}\n")) + "Description:\n", text, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  score <INPUT.csv> [options]", text, StringComparison.Ordinal);
        Assert.Empty(_run.Output.ToString());
        Assert.Empty(Directory.GetFiles(_run.Folder));
    }

    [Fact]
    public void Help_exits_0_and_names_every_option_with_its_default()
    {
        Assert.Equal(ScoreCommand.Success, Score("--help"));

        var text = _run.Output.ToString();
        foreach (var option in new[] { "--out <OUTPUT.csv> (REQUIRED)", "--models <DIR>", "--version <V>", "--chunk-size <N>", "--max-record-chars <N>", "[default: 4096]", "[default: 65536]" })
        {
            Assert.Contains(option, text, StringComparison.Ordinal);
        }

        Assert.Empty(_run.Errors.ToString());
    }

    [Fact]
    public void An_input_whose_name_starts_with_an_at_sign_is_read_as_that_file_not_as_a_response_file()
    {
        Assert.Equal(ScoreCommand.Failure, Score("@patients.csv", "--out", "o.csv", "--models", PathOf("no-models")));

        Assert.DoesNotContain("response file", _run.Errors.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Unrecognized", _run.Errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_without_a_current_model_exits_2_telling_to_run_the_app_or_notebook_06_and_trains_nothing()
    {
        var models = Directory.CreateDirectory(PathOf("models")).FullName;
        var input = WriteRows("wdbc.csv", model.Wdbc.ToArray()[..3], seed: 1);

        Assert.Equal(ScoreCommand.Failure, Score(input, "--out", PathOf("scored.csv"), "--models", models));

        Assert.Contains($"no current model in {models}: run the web app once", _run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("notebook 06", _run.Errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(models));
        Assert.False(File.Exists(PathOf("scored.csv")));
    }

    [Fact]
    public void A_file_of_several_chunks_scores_as_all_its_rows_at_once()
    {
        var wdbc = model.Wdbc.ToArray();
        var random = new Random(3);
        var rows = Enumerable.Range(0, 2 * ScoreArguments.DefaultChunkSize + 123)
            .Select(_ => wdbc[random.Next(wdbc.Length)].Select(v => v * (1 + (0.02 * (random.NextDouble() - 0.5)))).ToArray()).ToArray();
        var input = WriteRows("many.csv", rows, seed: 11);
        var expected = model.Saved.PredictProbability(rows);

        foreach (var chunk in new[] { ScoreArguments.DefaultChunkSize.ToString(CultureInfo.InvariantCulture), "1000", "1" })
        {
            var output = PathOf($"scored-{chunk}.csv");
            Assert.Equal(ScoreCommand.Success, Score(input, "--out", output, "--models", model.Folder, "--chunk-size", chunk));
            var (header, records) = BatchFiles.Read(output);
            Assert.Equal(expected, BatchFiles.Column(header, records, "probability").Select(p => double.Parse(p, CultureInfo.InvariantCulture)));
        }
    }
}
