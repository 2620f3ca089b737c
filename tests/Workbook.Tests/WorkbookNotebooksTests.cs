using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workbook.Running;
using Workbook.Tests.Support;

namespace Workbook.Tests;

/// <summary>The repository's own notebooks: every one runs cleanly through the runner, and the exports work in a browser.</summary>
[Collection(StudyRuns.Name)]
public sealed class WorkbookNotebooksTests(ExecutedWorkbook workbook)
{
    /// <summary>A Plotly.NET chart output's figure: the trace array and the layout object its script passes to plotly.js.</summary>
    private static readonly Regex Figure = new(@"var data = (?<data>\[.*?\]);\s*var layout = (?<layout>\{.*?\});\s*var config", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    [Fact]
    public void Every_notebook_runs_without_a_cell_error()
    {
        Assert.True(workbook.ExitCode == RunCommand.Success, workbook.Terminal);
        Assert.Contains($"{Repository.Notebooks.Count} of {Repository.Notebooks.Count} notebooks ran cleanly", workbook.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_notebook_has_an_executed_copy_with_outputs_and_an_export()
    {
        foreach (var notebook in Repository.Notebooks)
        {
            var name = Path.GetFileNameWithoutExtension(notebook);
            var codeCells = NotebookJson.CodeCells(Path.Combine(workbook.OutDirectory, name + ".ipynb"));
            Assert.All(codeCells, c => Assert.NotNull(c["execution_count"]));
            Assert.Contains(codeCells, c => c["outputs"]!.AsArray().Count > 0);
            Assert.Null(Nbformat.Validate(Path.Combine(workbook.OutDirectory, name + ".ipynb")));
            Assert.True(File.Exists(Path.Combine(workbook.OutDirectory, name + ".html")), name);
        }
    }

    [Fact]
    public void The_data_notebook_export_shows_validation_missing_values_imputation_patients_leak_and_consistency()
    {
        var html = File.ReadAllText(Path.Combine(workbook.OutDirectory, "01-data.html"));

        Assert.Contains("wbco.csv: 0 errors, 16 warnings", html, StringComparison.Ordinal);
        Assert.Contains("16 missing cells in 16 of 699 rows", html, StringComparison.Ordinal);
        Assert.Contains("<td>5-nearest-neighbour imputation</td>", html, StringComparison.Ordinal);
        Assert.Contains("54 rows repeat an earlier row&#39;s id (46 ids occur more than once)", html, StringComparison.Ordinal);
        Assert.Contains("<td>optimism (ungrouped − grouped)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>area ≈ π&#183;radius&#178; (mean)</td>", html, StringComparison.Ordinal);
        Assert.Contains("wdbc-damaged.csv: 3 errors", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_models_notebook_export_shows_the_comparison_paired_tests_and_operating_points_and_leaves_the_held_out_rows_alone()
    {
        var html = File.ReadAllText(Path.Combine(workbook.OutDirectory, "05-models.html"));

        Assert.Contains("mean over 30 test folds (95 % CI, Nadeau–Bengio corrected)", html, StringComparison.Ordinal);
        Assert.Contains("<td>RBF SVM (C = 1, gamma = scale)</td>", html, StringComparison.Ordinal);
        Assert.Contains("corrected resampled t-test (Nadeau &amp; Bengio 2003)", html, StringComparison.Ordinal);
        Assert.Contains("for sensitivity ≥ 0.98 on out-of-fold predictions", html, StringComparison.Ordinal);
        Assert.DoesNotContain("scored once on 114 held-out rows", html, StringComparison.Ordinal);
        Assert.Contains("RBF SVM (loess, span 0.75)", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>gradient boosting, FastTree [^<]*</td><td>455</td><td>0\.[0-9]{2} \(0\.[0-9]{2} to 0\.[0-9]{2}\)</td>", html);
        Assert.Contains("<td>logistic regression, L2 (l2 = 1)</td><td>0.9780 (0.959–0.997)</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tuning_notebook_export_shows_the_searches_the_nested_estimates_the_final_model_and_its_card_and_saves_the_model()
    {
        var html = File.ReadAllText(Path.Combine(workbook.OutDirectory, "06-tuning.html"));

        Assert.Contains("RBF SVM, uncalibrated: 42 settings &#215; 10 folds", html, StringComparison.Ordinal);
        Assert.Contains("gradient boosting, LightGBM: 30 settings &#215; 10 folds", html, StringComparison.Ordinal);
        Assert.Contains("logistic regression, L2: nested CV, 30 outer folds, inner search on ROC AUC", html, StringComparison.Ordinal);
        Assert.Contains("logistic regression, L2 (l2 = 3): fitted on 455 training rows, scored once on 114 held-out rows; proportions with Wilson 95 % intervals", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>sensitivity</td><td>0.9302 (0.814–0.976)</td><td>0.9535 (0.845–0.987)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>version</td><td>logistic-regression-l2-", html, StringComparison.Ordinal);
        Assert.Contains("569 rows, identical probabilities: True", html, StringComparison.Ordinal);
        var version = File.ReadAllText(Path.Combine(Repository.Root, "models", "current")).Trim();
        Assert.Contains($"<td>version</td><td>{version}</td>", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "models", version, "model.zip")));
    }

    [Fact]
    public void The_explanations_notebook_export_shows_each_kind_of_SHAP_in_its_output_space_adding_up_to_the_models_probability_the_agreement_and_the_patients()
    {
        var html = File.ReadAllText(Path.Combine(workbook.OutDirectory, "07-explanations.html"));

        Assert.Contains("<td>linear SHAP (exact, independent features)</td><td>log-odds of malignancy</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>TreeSHAP (exact, path-dependent)</td><td>log-odds of malignancy</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>TreeSHAP (exact, path-dependent)</td><td>probability of malignancy</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Kernel SHAP (interventional, 50-row background, at most 2&#183;M + 2048 coalitions, seed 1)</td><td>log-odds of malignancy</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>TreeSHAP (exact, interventional)</td><td>probability of malignancy</td>", html, StringComparison.Ordinal);
        var gaps = Regex.Matches(html, @"(?:tumours:|gap:|forest|boosting) ([0-9.]+E[-+][0-9]+)").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(6, gaps.Length);
        Assert.All(gaps, gap => Assert.True(gap < 1e-6, $"an explanation misses its model's probability by {gap}"));
        Assert.Contains("Spearman&#39;s rank correlation of the importances over all 30 features", html, StringComparison.Ordinal);
        Assert.Contains("<th>95 % CI over repeats</th><th>95 % CI over rows</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>typical cancer</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>missed cancer</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_tuning_notebook_writes_the_final_model_out_and_answers_every_TRIPOD_AI_item()
    {
        var html = File.ReadAllText(Path.Combine(workbook.OutDirectory, "06-tuning.html"));
        var table = html[html.IndexOf("TRIPOD+AI (Collins et al.", StringComparison.Ordinal)..];
        table = table[..(table.IndexOf("</table>", StringComparison.Ordinal) + 8)];

        var items = Regex.Matches(table, @"<tr>\s*<td>([0-9a-z, –]+)</td>").SelectMany(m => Items(m.Groups[1].Value)).ToHashSet();

        Assert.Equal(Enumerable.Range(1, 27), items.Order());
        Assert.Contains("<th>log-odds per SD</th>", html, StringComparison.Ordinal);
        Assert.Matches(@"<td>114</td><td>43</td><td>[0-9.]+ \(", html);
        Assert.Contains("the final procedure on 20 held-out splits (seeds 1–20)", html, StringComparison.Ordinal);
        Assert.Matches(@"10 % malignant: a probability of 0\.50 becomes 0\.1[0-9]{2}", html);
        Assert.Contains("<td>100 %</td><td>410</td>", html, StringComparison.Ordinal);
        Assert.Matches(@"<tr><td>1</td><td>[a-z_]+</td><td>[+−][0-9.]+</td>", html);
    }

    /// <summary>The item numbers of a checklist cell: "7", "5a, 5b", "6a–6c".</summary>
    private static IEnumerable<int> Items(string cell) =>
        cell.Split([',', '–'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.Parse(part.TrimEnd('a', 'b', 'c', 'd', 'e', 'f', 'g'), CultureInfo.InvariantCulture));

    [Fact]
    public void The_deployment_notebook_export_shows_the_app_agreeing_with_the_library_the_scanner_caught_and_the_update_rolled_back()
    {
        var html = File.ReadAllText(Path.Combine(workbook.OutDirectory, "08-deployment-and-monitoring.html"));

        Assert.Contains("largest difference from the library&#39;s probability over 114 patients: 0.0E+000", html, StringComparison.Ordinal);
        Assert.Contains("7 of 30 features drifted", html, StringComparison.Ordinal);
        Assert.Contains("<td>area_worst</td>", html, StringComparison.Ordinal);
        Assert.Contains("biopsy recommended: 45 of 114 before, 58 of 114 with the new scanner", html, StringComparison.Ordinal);
        Assert.Contains("(228 new confirmed outcomes added)", html, StringComparison.Ordinal);
        Assert.Contains("228 new outcomes (86 malignant) of 114 cases, every case in one fold", html, StringComparison.Ordinal);
        Assert.Contains("saved but not promoted; the champion is still served", html, StringComparison.Ordinal);
        Assert.Contains("Verdict: keep the champion.", html, StringComparison.Ordinal);
        Assert.Contains("<td>sensitivity</td><td>0.9767</td><td>0.9767</td><td>0.0000 (−0.0820 to +0.0820)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>log loss</td><td>0.1359</td><td>0.0994</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>specificity</td><td>0.7887</td><td>0.8169</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>missed cancers of 43</td><td>0</td><td>0</td>", html, StringComparison.Ordinal);
        var version = File.ReadAllText(Path.Combine(Repository.Root, "models", "current")).Trim();
        Assert.Contains($"served: {version}, the champion; the challenger ", html, StringComparison.Ordinal);
        Assert.Contains($"the champion of notebook 06, {version}, was served throughout: nothing to roll back", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_final_models_flexible_calibration_curves_stay_as_close_to_the_diagonal_as_the_tuning_notebook_says()
    {
        var traces = NotebookJson.CodeCells(Path.Combine(workbook.OutDirectory, "06-tuning.ipynb"))
            .SelectMany(JupyterOutputs.Of).Select(o => Figure.Match(JupyterOutputs.Html(o))).Where(m => m.Success)
            .SelectMany(m => JsonNode.Parse(m.Groups["data"].Value)!.AsArray().OfType<JsonNode>()).ToArray();
        double[] Values(JsonNode trace, string axis) => [.. trace[axis]!.AsArray().Select(v => (double)v!)];
        JsonNode[] Curve(string name) => [.. traces.Where(t => ((string?)t["name"])?.StartsWith(name, StringComparison.Ordinal) == true)];
        double LargestGap(JsonNode curve) => Values(curve, "x").Zip(Values(curve, "y")).Max(p => Math.Abs(p.First - p.Second));
        double[] Uncovered(JsonNode upper, JsonNode lower) =>
            [.. Values(upper, "x").Select((x, i) => (x, High: Values(upper, "y")[i], Low: Values(lower, "y")[i])).Where(p => p.x > p.High || p.x < p.Low).Select(p => p.x)];

        var (outOfFold, heldOut) = (Curve("final setting, out of fold"), Curve("final model, held out"));

        Assert.Equal((3, 3), (outOfFold.Length, heldOut.Length));
        Assert.InRange(LargestGap(outOfFold[2]), 0.05, 0.06);
        Assert.InRange(LargestGap(heldOut[2]), 0.10, 0.11);
        var uncovered = Uncovered(outOfFold[0], outOfFold[1]);
        Assert.All(uncovered, x => Assert.True(x is < 0.03 or >= 0.87, $"the out-of-fold band leaves the diagonal at {x}"));
        Assert.Contains(uncovered, x => x is > 0.02 and < 0.03);
        Assert.Contains(uncovered, x => x is >= 0.87 and < 0.88);
        Assert.All(Uncovered(heldOut[0], heldOut[1]), x => Assert.True(x > 0.945, $"the held-out band leaves the diagonal at {x}"));
    }

    [Fact]
    public void Every_chart_of_every_notebook_titles_each_axis_it_labels_and_each_heatmaps_colour_bar()
    {
        var missing = new List<string>();
        var charts = 0;
        foreach (var notebook in Repository.Notebooks.Select(n => Path.Combine(workbook.OutDirectory, Path.GetFileName(n))))
        {
            var cells = NotebookJson.CodeCells(notebook);
            for (var c = 0; c < cells.Count; c++)
            {
                foreach (var figure in JupyterOutputs.Of(cells[c]).Select(o => Figure.Match(JupyterOutputs.Html(o))).Where(m => m.Success))
                {
                    charts++;
                    var data = JsonNode.Parse(figure.Groups["data"].Value)!.AsArray();
                    var layout = JsonNode.Parse(figure.Groups["layout"].Value)!.AsObject();
                    var where = $"{Path.GetFileNameWithoutExtension(notebook)}, code cell {c + 1}";
                    foreach (var axis in data.OfType<JsonNode>().SelectMany(Axes).Distinct().Where(a => (bool?)layout[a]?["showticklabels"] != false && string.IsNullOrWhiteSpace(TitleOf(layout[a]))))
                    {
                        missing.Add($"{where}: {axis} has no title");
                    }

                    missing.AddRange(data.OfType<JsonNode>().Where(t => (string?)t["type"] == "heatmap" && (bool?)t["showscale"] != false && string.IsNullOrWhiteSpace(TitleOf(t["colorbar"])))
                        .Select(t => $"{where}: heatmap '{t["name"]}' has a colour bar without a title"));
                }
            }
        }

        Assert.True(charts >= 40, $"only {charts} charts found in the exports");
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    /// <summary>The layout axes a trace is drawn on (<c>xaxis</c>, <c>yaxis2</c>, …); none for traces without axes.</summary>
    private static IEnumerable<string> Axes(JsonNode trace) => (string?)trace["type"] is "pie" or "table" or "indicator"
        ? []
        : [$"xaxis{((string?)trace["xaxis"] ?? "x")[1..]}", $"yaxis{((string?)trace["yaxis"] ?? "y")[1..]}"];

    private static string? TitleOf(JsonNode? owner) => owner?["title"] switch
    {
        JsonObject title => (string?)title["text"],
        JsonValue text => (string?)text,
        _ => null,
    };

    [Fact]
    public async Task The_exports_open_from_the_file_system_with_no_errors_no_requests_and_every_chart_drawn()
    {
        await using var browser = await ExportBrowser.LaunchAsync();
        var pages = Repository.Notebooks.Select(n => Path.GetFileNameWithoutExtension(n) + ".html").Prepend("index.html");

        foreach (var page in pages)
        {
            var report = await browser.OpenAsync(Path.Combine(workbook.OutDirectory, page));

            Assert.True(report.Problems.Count == 0, $"{page}: {string.Join("\n", report.Problems)}");
            Assert.Equal(report.ChartsExpected, report.ChartsDrawn);
            Assert.Equal(report.MathExpected, report.MathRendered);
        }
    }

    [Fact]
    public async Task The_overview_export_draws_its_chart_and_renders_its_math()
    {
        await using var browser = await ExportBrowser.LaunchAsync();

        var report = await browser.OpenAsync(Path.Combine(workbook.OutDirectory, "00-overview.html"));

        Assert.True(report.ChartsDrawn >= 1, "no chart drawn");
        Assert.True(report.MathRendered >= 1, "no formula rendered");
        Assert.Contains("Breast cancer diagnosis", report.Title, StringComparison.Ordinal);
    }
}
