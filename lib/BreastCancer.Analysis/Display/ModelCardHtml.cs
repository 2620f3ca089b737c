using System.Globalization;
using System.Net;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Display;

/// <summary>A <see cref="ModelCard"/> rendered: as tables for a notebook, and as the standalone page <c>card.html</c>.</summary>
public static class ModelCardHtml
{
    /// <summary>The page's file name in a saved version's folder, beside the card's JSON.</summary>
    public const string PageFileName = "card.html";

    private static readonly Metric[] Shown =
        [Metric.Accuracy, Metric.BalancedAccuracy, Metric.Sensitivity, Metric.Specificity, Metric.Precision, Metric.F1, Metric.Mcc, Metric.RocAuc, Metric.AveragePrecision, Metric.Brier, Metric.LogLoss];

    /// <summary>The card's sections as HTML tables and paragraphs.</summary>
    public static string Render(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var model = card.Model;
        var data = card.Data;
        var threshold = card.Threshold;
        var heldOut = card.HeldOut;
        var inSample = heldOut.AddedRowsAmongThem > 0;
        var recalibration = card.Calibration.Recalibration;
        var heldOutInterval = heldOut.Intervals is null ? "" : " (95 % CI)";
        var heldOutIntervals = heldOut.Intervals is null && heldOut.ProportionIntervals is null ? "" : " (95 % CI)";
        var thresholdIntervals = threshold.HeldOutSensitivityInterval is null && threshold.HeldOutSpecificityInterval is null ? "" : " (95 % CI)";
        return string.Concat(
            HtmlTable.Render("bc-card", ["model card", ""],
            [
                ["version", card.Version],
                ["created", card.Created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)],
                ["model", model.Pipeline],
                ["pipeline", string.Join(" → ", model.Steps.Append(model.Classifier))],
                ["hyperparameters", string.Join(", ", model.Hyperparameters.Select(h => $"{h.Key} = {Numbers.Format(h.Value, "G6")}"))],
                ["seed", Numbers.Count(model.Seed)],
                ["output", model.Output],
                ["decision", string.Create(CultureInfo.InvariantCulture, $"malignant (biopsy) when the probability is ≥ {threshold.Threshold:F4}, chosen on the training rows for sensitivity ≥ {threshold.TargetSensitivity:F2}")],
            ]),
            HtmlTable.Render("bc-card-use", ["intended use", ""],
                [["purpose", card.Use.Purpose], ["users", card.Use.Users], .. card.Use.Limitations.Select((l, i) => (IReadOnlyList<string>)[i == 0 ? "limitations" : "", l])]),
            HtmlTable.Render("bc-card-data", ["training data", ""],
            [
                ["source", $"{data.Source} (SHA-256 {data.SourceSha256})"],
                ["training rows", $"{data.TrainingRows} ({data.TrainingMalignant} malignant); SHA-256 of the rows {data.TrainingRowsSha256}"],
                ["held out", string.Create(CultureInfo.InvariantCulture, $"{data.HeldOutRows} rows ({data.HeldOutMalignant} malignant): {data.TestFraction:P0} stratified split, seed {data.SplitSeed}")
                    + (inSample ? $"; {heldOut.AddedRowsAmongThem} of them later added to the training rows" : "")],
            ]),
            Update(card),
            inSample
                ? "<p class=\"bc-card-warning\"><strong>" + WebUtility.HtmlEncode(
                    $"Not a held-out score: this model was trained on {heldOut.AddedRowsAmongThem} of the {heldOut.Rows} held-out rows (added training rows identical to them), " +
                    "so its figures on those rows, at 0.5, at the decision threshold and for calibration, are partly in-sample and optimistic.") + "</strong></p>"
                : "",
            HtmlTable.Render("bc-card-performance", ["metric (at 0.5)", "cross-validated (95 % CI)", "nested cross-validated (95 % CI)", HeldOutLabel(heldOut) + heldOutIntervals],
                Shown.Select(m => (IReadOnlyList<string>)[m.Label(), Interval(card.CrossValidation.Metrics[m]), Interval(card.NestedCrossValidation.Metrics[m]),
                    HeldOutValue(heldOut, m, heldOut.Metrics[m])]),
                $"cross-validated: {card.CrossValidation.Protocol}. Nested: {card.NestedCrossValidation.Protocol}; optimism of the inner best score {Numbers.Signed(card.NestedCrossValidation.Optimism)}. " +
                (inSample
                    ? $"Not held out: the model was trained on {heldOut.AddedRowsAmongThem} of these {heldOut.Rows} rows ({heldOut.Malignant} malignant), so their score is partly in-sample; "
                    : $"Held out: {heldOut.Rows} rows ({heldOut.Malignant} malignant), scored once; ") +
                $"confusion TP / FP / TN / FN {Counts(heldOut.Counts)}" +
                (heldOut.Intervals is null
                    ? ""
                    : $"; intervals of {string.Join(", ", heldOut.Intervals.Select(i => i.Metric.Label()))} from {HeldOutScore.Resamples} bootstrap resamples of these rows within each class (seed {HeldOutScore.Seed})") +
                (heldOut.ProportionIntervals is not { Count: > 0 } proportions
                    ? "."
                    : $"; {string.Join(", ", proportions.Select(p => p.Metric.Label()))} with Wilson 95 % score intervals from these counts.")),
            HtmlTable.Render("bc-card-threshold", ["at the decision threshold", "sensitivity", "specificity"],
            [
                ["training rows, out of fold (where it was chosen)", Numbers.Format(threshold.TrainingSensitivity, "F4"), Numbers.Format(threshold.TrainingSpecificity, "F4")],
                ["cross-validated, chosen in each training fold (95 % CI)", Interval(threshold.CrossValidatedSensitivity), Interval(threshold.CrossValidatedSpecificity)],
                [HeldOutLabel(heldOut) + thresholdIntervals, Proportion(threshold.HeldOutSensitivity, threshold.HeldOutSensitivityInterval),
                    Proportion(threshold.HeldOutSpecificity, threshold.HeldOutSpecificityInterval)],
            ],
            string.Create(CultureInfo.InvariantCulture, $"threshold {threshold.Threshold:F4}; at the threshold, {HeldOutLabel(heldOut)}: TP / FP / TN / FN {Counts(threshold.HeldOutCounts)}")
                + (thresholdIntervals.Length == 0 ? "" : "; sensitivity and specificity there with Wilson 95 % score intervals from these counts")),
            HtmlTable.Render("bc-card-calibration", ["calibration", ""],
            [
                ["method", card.Calibration.Method],
                ["expected calibration error, out of fold (10 bins)", Numbers.Format(card.Calibration.CrossValidatedEce, "F4")],
                ["calibration slope, out of fold (95 % CI)", Fitted(recalibration, r => r.Slope)],
                ["calibration-in-the-large, out of fold, log-odds (95 % CI)", Fitted(recalibration, r => r.InterceptInTheLarge)],
                ["Brier score, cross-validated (95 % CI)", Interval(card.Calibration.CrossValidatedBrier)],
                [$"Brier score, {HeldOutLabel(heldOut)}{heldOutInterval}", HeldOutValue(heldOut, Metric.Brier, card.Calibration.HeldOutBrier)],
            ],
            (recalibration is null ? "" : $"slope and calibration-in-the-large: {recalibration.Protocol}. ") +
            "A calibrated model has slope 1 and calibration-in-the-large 0; a slope above 1 means the probabilities are too cautious (too close to 0.5), below 1 too extreme; " +
            "calibration-in-the-large above 0 means they are too low on average."),
            HtmlTable.Render("bc-card-features", ["feature", "training min", "max", "mean", "SD"],
                card.Features.Select(f => (IReadOnlyList<string>)[f.Name, Numbers.Format(f.Min, "G5"), Numbers.Format(f.Max, "G5"), Numbers.Format(f.Mean, "G5"), Numbers.Format(f.Sd, "G5")]),
                "the features the model reads, in order; units in data/README.md"),
            HtmlTable.Render("bc-card-software", ["software", "version"], card.Software.Select(s => (IReadOnlyList<string>)[s.Key, s.Value])));
    }

    /// <summary>The card as a standalone HTML page (no script, no external resources).</summary>
    public static string Page(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Model card {{WebUtility.HtmlEncode(card.Version)}}</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            table { border-collapse: collapse; margin: 1.5rem 0; width: 100%; }
            caption { caption-side: bottom; text-align: left; font-size: 0.9em; color: #555; padding-top: 0.4rem; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            </style>
            </head>
            <body>
            <h1>Model card: {{WebUtility.HtmlEncode(card.Version)}}</h1>
            {{Render(card)}}
            </body>
            </html>

            """;
    }

    /// <summary>
    /// Writes the card's <see cref="Page"/> as <see cref="PageFileName"/> in the folder of <paramref name="saved"/>
    /// (replaced only once complete, as the model store writes its files) and returns the file's full path. The store
    /// saves the card as JSON only; whoever shows a version writes its page.
    /// </summary>
    public static string Save(SavedModel saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var path = Path.GetFullPath(Path.Combine(saved.Folder, PageFileName));
        ModelStore.WriteAtomically(path, Page(saved.Card));
        return path;
    }

    private static string Update(ModelCard card) => card.Update is not { } update
        ? ""
        : HtmlTable.Render("bc-card-update", ["model update", "champion", "this model", "difference (95 % interval)", "allowed loss"],
        [
            ["champion challenged", update.Champion, "", "", ""],
            ["added training rows", string.Create(CultureInfo.InvariantCulture, $"{update.AddedRows.Rows} ({update.AddedRows.Malignant} malignant) in {update.AddedRows.File}; SHA-256 {update.AddedRows.RowsSha256}"), "", "", ""],
            .. update.Comparison.Select(m => (IReadOnlyList<string>)[m.Metric.Label(), Numbers.Format(m.Champion, "F4"), Numbers.Format(m.Challenger, "F4"), DeploymentHtml.Difference(m),
                m.AllowedLoss is { } allowed ? Numbers.Format(allowed, "F4") : "reported"]),
            ["verdict", update.Verdict.Promote ? "not worse by any criterion" : "possibly worse by a criterion: not to be promoted", "", "", ""],
        ],
        $"compared with the champion on new confirmed outcomes: {update.ComparisonProtocol}");

    /// <summary>"held out", or, when the model was trained on some of the held-out rows, a label that says so.</summary>
    private static string HeldOutLabel(HeldOutPerformance heldOut) => heldOut.AddedRowsAmongThem > 0
        ? $"held-out rows, {heldOut.AddedRowsAmongThem} of {heldOut.Rows} trained on, so not held out"
        : "held out";

    /// <summary>
    /// The held-out <paramref name="value"/> of <paramref name="metric"/>, with its bootstrap interval, or its Wilson
    /// interval for a proportion of counted tumours, when the card has one.
    /// </summary>
    private static string HeldOutValue(HeldOutPerformance heldOut, Metric metric, double value) =>
        heldOut.Intervals?.FirstOrDefault(i => i.Metric == metric) is { } interval
            ? Interval(new Estimate(value, interval.Low, interval.High))
            : Proportion(value, heldOut.ProportionIntervals?.FirstOrDefault(p => p.Metric == metric));

    /// <summary>A held-out proportion, with its Wilson interval when the card has one.</summary>
    private static string Proportion(double value, ProportionInterval? interval) => interval is null
        ? Numbers.Format(value, "F4")
        : Interval(new Estimate(value, interval.Low, interval.High));

    /// <summary>A recalibration coefficient with its interval, why it was not fitted, or that the card does not record it.</summary>
    private static string Fitted(RecalibrationSummary? recalibration, Func<RecalibrationSummary, Estimate?> coefficient) => recalibration switch
    {
        null => "not recorded on this card (written before the card recorded it)",
        { NotFitted: { } why } => $"not fitted: {why}",
        _ => coefficient(recalibration) is { } estimate
            ? string.Create(CultureInfo.InvariantCulture, $"{estimate.Mean:0.0000;−0.0000} ({estimate.Low:0.0000;−0.0000} to {estimate.High:0.0000;−0.0000})")
            : "not fitted",
    };

    private static string Interval(Estimate e) => double.IsNaN(e.Low)
        ? Numbers.Format(e.Mean, "F4")
        : string.Create(CultureInfo.InvariantCulture, $"{e.Mean:F4} ({e.Low:F4}–{e.High:F4})");

    private static string Counts(ConfusionCounts c) => $"{c.TruePositives} / {c.FalsePositives} / {c.TrueNegatives} / {c.FalseNegatives}";
}
