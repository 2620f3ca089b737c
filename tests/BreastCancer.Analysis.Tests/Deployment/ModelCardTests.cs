using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;
using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Tests.Deployment;

public sealed class ModelCardTests(StudyModels study) : IClassFixture<StudyModels>
{
    [Fact]
    public void The_card_carries_the_hash_of_the_rows_the_model_was_trained_on_and_of_their_file()
    {
        var card = study.Card;

        Assert.Equal(DataFingerprint.OfRows(study.Wdbc.Subset(study.Split.Train)), card.Data.TrainingRowsSha256);
        Assert.NotEqual(DataFingerprint.OfRows(study.Wdbc), card.Data.TrainingRowsSha256);
        Assert.Equal(File.ReadLines(Repository.Data("README.md")).Single(l => l.EndsWith("  wdbc.csv", StringComparison.Ordinal))[..64], card.Data.SourceSha256);
        Assert.Equal((455, 169, 114, 43), (card.Data.TrainingRows, card.Data.TrainingMalignant, card.Data.HeldOutRows, card.Data.HeldOutMalignant));
    }

    [Fact]
    public void The_cards_figures_are_those_of_the_results_it_was_made_from()
    {
        var card = study.Card;

        Assert.Equal(study.Final.HeldOut.Metrics.Accuracy, card.HeldOut.Metrics[Metric.Accuracy]);
        Assert.Equal(study.Final.HeldOut.Metrics.RocAuc, card.HeldOut.Metrics[Metric.RocAuc]);
        Assert.Equal(study.Final.Threshold, card.Threshold.Threshold);
        Assert.Equal(study.Final.HeldOut.OperatingPoint.Test.Sensitivity, card.Threshold.HeldOutSensitivity);
        Assert.Equal(study.CrossValidation.Summary(Metric.RocAuc).Mean, card.CrossValidation.Metrics[Metric.RocAuc].Mean);
        Assert.Equal(study.CrossValidation.OperatingPointSummary(Metric.Specificity).Low, card.Threshold.CrossValidatedSpecificity.Low);
        Assert.Equal(study.Nested.Outer(Metric.Accuracy).High, card.NestedCrossValidation.Metrics[Metric.Accuracy].High);
        Assert.Equal(study.Nested.Optimism, card.NestedCrossValidation.Optimism);
        Assert.Equal(3.0, card.Model.Hyperparameters["l2"]);
        Assert.Equal("the model's own probability, fitted by log loss (no separate calibration)", card.Calibration.Method);
        var training = study.Wdbc.Subset(study.Split.Train);
        Assert.Equal(study.Wdbc.FeatureNames, card.Features.Select(f => f.Name));
        Assert.All(card.Features.Select((f, i) => (f, Column: training.Column(i))), p =>
        {
            Assert.Equal(p.Column.Min(), p.f.Min);
            Assert.Equal(p.Column.Max(), p.f.Max);
            Assert.Equal(p.Column.StandardDeviation(), p.f.Sd, 12);
        });
        Assert.StartsWith("logistic-regression-l2-", card.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_is_the_same_for_the_same_inputs_and_differs_for_another_seed_or_setting()
    {
        var again = ModelCard.Create(study.Final, study.Wdbc, study.Split, study.CrossValidation, study.Nested, IntendedUse.Study, StudyModels.Created.AddDays(1));

        Assert.Equal(study.Card.Version, again.Version);
        Assert.NotEqual(study.Card.Version, study.Tuned(study.Model, seed: 2).Card.Version);
        Assert.NotEqual(study.Card.Version, study.Tuned(study.Model.With("l2", 0.3), seed: 1).Card.Version);
    }

    [Fact]
    public void Results_of_another_model_or_without_an_operating_point_are_refused()
    {
        var withoutPoint = CrossValidation.Run(study.Model.Pipeline(), study.Train, study.Folds, seed: 1);
        Assert.Contains("chose no operating point",
            Assert.Throws<ArgumentException>(() => ModelCard.Create(study.Final, study.Wdbc, study.Split, withoutPoint, study.Nested, IntendedUse.Study, StudyModels.Created)).Message,
            StringComparison.Ordinal);
        var otherModel = study.Final with { Model = study.Model.With("l2", 0.3) };
        Assert.Contains("the cross-validation is of 'logistic regression, L2 (l2 = 3)', the final model is 'logistic regression, L2 (l2 = 0.3)'",
            Assert.Throws<ArgumentException>(() => ModelCard.Create(otherModel, study.Wdbc, study.Split, study.CrossValidation, study.Nested, IntendedUse.Study, StudyModels.Created)).Message,
            StringComparison.Ordinal);
        var forest = study.Nested with { Model = ModelCatalogue.RandomForest.Family };
        Assert.Contains("the nested cross-validation is of 'random forest'",
            Assert.Throws<ArgumentException>(() => ModelCard.Create(study.Final, study.Wdbc, study.Split, study.CrossValidation, forest, IntendedUse.Study, StudyModels.Created)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_reads_back_from_its_JSON_and_renders_every_section()
    {
        var json = study.Card.ToJson();
        var read = ModelCard.FromJson(json, "card.json");

        Assert.Equal(json, read.ToJson());
        Assert.Equal(study.Card.Threshold, read.Threshold);
        Assert.Equal(study.Card.Features, read.Features);
        Assert.Equal(study.Card.Created, read.Created);
        Assert.Contains("\"trainingRowsSha256\": \"" + study.Card.Data.TrainingRowsSha256 + "\"", json, StringComparison.Ordinal);
        Assert.Contains("card.json: the model card is not valid", Assert.Throws<ModelFileException>(() => ModelCard.FromJson("{\"version\": 1}", "card.json")).Message, StringComparison.Ordinal);
        var page = ModelCardHtml.Page(study.Card);
        foreach (var section in new[] { "intended use", "training data", "nested cross-validated (95 % CI)", "at the decision threshold", "calibration", "training min", "software" })
        {
            Assert.Contains($"<th>{section}</th>", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calibration_slope_is_that_of_the_first_repetitions_out_of_fold_probabilities_above_1_when_they_are_made_timid_and_below_1_when_extreme()
    {
        var folds = StratifiedGroupKFold.Split(study.Train.IsMalignant, null, 5, seed: 1, repeats: 2);
        var repeated = CrossValidation.Run(study.Model.Pipeline(), study.Train, folds, seed: 1, operatingPoint: new OperatingPointOptions());
        var (labels, probabilities) = repeated.OutOfFold(0);
        var expected = CalibrationRegression.Of(labels, probabilities);

        var fit = Card(repeated).Calibration.Recalibration!;
        var timid = Card(Scaled(repeated, 0.5)).Calibration.Recalibration!.Slope!;
        var extreme = Card(Scaled(repeated, 4)).Calibration.Recalibration!.Slope!;

        Assert.Equal(455, fit.Rows);
        Assert.Null(fit.NotFitted);
        Assert.Equal(new Estimate(expected.Slope.Value, expected.Slope.Low, expected.Slope.High), fit.Slope);
        Assert.Equal(new Estimate(expected.InterceptInTheLarge.Value, expected.InterceptInTheLarge.Low, expected.InterceptInTheLarge.High), fit.InterceptInTheLarge);
        Assert.NotEqual(CalibrationRegression.Of(repeated.PooledLabels, repeated.PooledProbabilities).Slope.High, fit.Slope!.High);
        Assert.True(timid.Low > 1, $"slope {timid} of probabilities pulled towards 0.5");
        Assert.Equal(2 * fit.Slope.Mean, timid.Mean, 6);
        Assert.True(extreme.High < 1, $"slope {extreme} of probabilities pushed towards 0 and 1");
        var page = ModelCardHtml.Page(Card(repeated));
        Assert.Contains(FormattableString.Invariant($"<td>calibration slope, out of fold (95 % CI)</td><td>{fit.Slope.Mean:F4} ({fit.Slope.Low:F4} to {fit.Slope.High:F4})</td>"), page, StringComparison.Ordinal);
        Assert.Contains("the first of 2 repetitions of the cross-validation", page, StringComparison.Ordinal);
        var large = fit.InterceptInTheLarge!;
        Assert.Contains($"<td>calibration-in-the-large, out of fold, log-odds (95 % CI)</td><td>{Minus(large.Mean)} ({Minus(large.Low)} to {Minus(large.High)})</td>", page, StringComparison.Ordinal);
        Assert.Contains("probabilities of the cross-validation, each training row once", study.Card.Calibration.Recalibration!.Protocol, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_that_separate_the_classes_or_are_constant_give_no_calibration_slope_and_the_card_says_why()
    {
        var separating = study.CrossValidation with
        {
            Folds = [.. study.CrossValidation.Folds.Select(f => f with { Probabilities = [.. f.Labels.Select((l, i) => l ? 0.6 + 0.001 * (i % 100) : 0.4 - 0.001 * (i % 100))] })],
        };
        var constant = study.CrossValidation with { Folds = [.. study.CrossValidation.Folds.Select(f => f with { Probabilities = [.. f.Labels.Select(_ => 0.37)] })] };

        var separated = Card(separating);
        var baseline = Card(constant);

        Assert.Null(separated.Calibration.Recalibration!.Slope);
        Assert.Null(separated.Calibration.Recalibration.InterceptInTheLarge);
        Assert.Contains("separate the classes", separated.Calibration.Recalibration.NotFitted, StringComparison.Ordinal);
        Assert.Contains("<td>calibration slope, out of fold (95 % CI)</td><td>not fitted: the calibration slope", ModelCardHtml.Render(separated), StringComparison.Ordinal);
        Assert.Null(baseline.Calibration.Recalibration!.Slope);
        Assert.Contains("every row of a fold the same probability", baseline.Calibration.Recalibration.NotFitted, StringComparison.Ordinal);
        Assert.Equal(separated.ToJson(), ModelCard.FromJson(separated.ToJson(), "card.json").ToJson());
    }

    [Fact]
    public void The_held_out_intervals_are_the_stratified_bootstrap_of_the_held_out_predictions_and_contain_the_held_out_scores()
    {
        var heldOut = study.Wdbc.Subset(study.Split.Test);
        var probabilities = study.Final.Fitted.PredictProbability(heldOut.ToArray());
        var expected = HeldOutScore.BootstrapIntervals(heldOut.IsMalignant, probabilities);

        var card = study.Card.HeldOut;

        Assert.Equal(expected, card.Intervals);
        Assert.Equal([Metric.RocAuc, Metric.AveragePrecision, Metric.Brier, Metric.LogLoss], card.Intervals!.Select(i => i.Metric));
        Assert.All(card.Intervals!, i => Assert.InRange(card.Metrics[i.Metric], i.Low, i.High));
        Assert.Equal(probabilities.Select((p, i) => Math.Pow(p - (heldOut.IsMalignant[i] ? 1 : 0), 2)).Average(), card.Metrics[Metric.Brier], 12);
        var brier = card.Intervals!.Single(i => i.Metric == Metric.Brier);
        Assert.Contains(FormattableString.Invariant($"<td>Brier score, held out (95 % CI)</td><td>{card.Metrics[Metric.Brier]:F4} ({brier.Low:F4}–{brier.High:F4})</td>"),
            ModelCardHtml.Render(study.Card), StringComparison.Ordinal);
    }

    [Fact]
    public void A_challenger_whose_added_rows_copy_held_out_rows_counts_the_copies_and_its_card_says_its_held_out_score_is_not_one()
    {
        var test = study.Wdbc.Subset(study.Split.Test);
        var remeasured = test.Row(4);
        remeasured[0] += 0.01;
        var added = new AddedTrainingRows([test.Row(0), test.Row(1), test.Row(2), test.Row(2), remeasured, study.Train.Row(0)],
            [test.IsMalignant[0], test.IsMalignant[1], test.IsMalignant[2], !test.IsMalignant[2], test.IsMalignant[4], study.Train.IsMalignant[0]]);

        var card = Challenger(added);
        var page = ModelCardHtml.Page(card);

        Assert.Equal(4, card.HeldOut.AddedRowsAmongThem);
        Assert.Contains("<p class=\"bc-card-warning\"><strong>Not a held-out score: this model was trained on 4 of the 114 held-out rows", page, StringComparison.Ordinal);
        Assert.Contains("<th>held-out rows, 4 of 114 trained on, so not held out (95 % CI)</th>", page, StringComparison.Ordinal);
        Assert.Contains("<td>held-out rows, 4 of 114 trained on, so not held out (95 % CI)</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<th>held out (95 % CI)</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Held out:", page, StringComparison.Ordinal);
        Assert.Contains("\"addedRowsAmongThem\": 4", card.ToJson(), StringComparison.Ordinal);
        Assert.Equal(4, ModelCard.FromJson(card.ToJson(), "card.json").HeldOut.AddedRowsAmongThem);
    }

    [Fact]
    public void A_challenger_whose_added_rows_copy_no_held_out_row_counts_none_and_its_card_shows_no_warning()
    {
        var test = study.Wdbc.Subset(study.Split.Test);
        var rescanned = test.ToArray().Take(20).Select(r => r.Select((v, f) => f == 0 ? v * 1.15 : v).ToArray()).ToArray();
        var added = new AddedTrainingRows([.. rescanned, study.Train.Row(0), study.Train.Row(1)], [.. test.IsMalignant.Take(20), study.Train.IsMalignant[0], study.Train.IsMalignant[1]]);

        var card = Challenger(added);
        var page = ModelCardHtml.Page(card);

        Assert.Equal(0, card.HeldOut.AddedRowsAmongThem);
        Assert.Equal(0, study.Card.HeldOut.AddedRowsAmongThem);
        Assert.DoesNotContain("bc-card-warning", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bc-card-warning", ModelCardHtml.Page(study.Card), StringComparison.Ordinal);
        Assert.Contains("<th>held out (95 % CI)</th>", page, StringComparison.Ordinal);
        Assert.Contains("Held out: 114 rows (43 malignant), scored once", page, StringComparison.Ordinal);
    }

    [Fact]
    public void The_held_out_proportions_at_0_5_and_at_the_threshold_carry_the_Wilson_intervals_of_their_counts_and_the_card_shows_them()
    {
        var card = study.Card;
        var c = card.HeldOut.Counts;
        var t = card.Threshold.HeldOutCounts;
        var threshold = new[] { card.Threshold.HeldOutSensitivityInterval!, card.Threshold.HeldOutSpecificityInterval! };

        Assert.Equal(114, c.TruePositives + c.FalsePositives + c.TrueNegatives + c.FalseNegatives);
        Assert.Equal(
            [(Metric.Accuracy, c.TruePositives + c.TrueNegatives, 114), (Metric.Sensitivity, c.TruePositives, 43), (Metric.Specificity, c.TrueNegatives, 71),
                (Metric.Precision, c.TruePositives, c.TruePositives + c.FalsePositives)],
            card.HeldOut.ProportionIntervals!.Select(p => (p.Metric, p.Successes, p.Trials)));
        Assert.Equal([(Metric.Sensitivity, t.TruePositives, 43), (Metric.Specificity, t.TrueNegatives, 71)], threshold.Select(p => (p.Metric, p.Successes, p.Trials)));
        Assert.All(card.HeldOut.ProportionIntervals!.Select(p => (Interval: p, Value: card.HeldOut.Metrics[p.Metric]))
            .Concat([(Interval: threshold[0], Value: card.Threshold.HeldOutSensitivity), (Interval: threshold[1], Value: card.Threshold.HeldOutSpecificity)]), p =>
        {
            var (low, high) = Wilson(p.Interval.Successes, p.Interval.Trials);
            Assert.Equal(low, p.Interval.Low, 1e-7);
            Assert.Equal(high, p.Interval.High, 1e-7);
            Assert.Equal((double)p.Interval.Successes / p.Interval.Trials, p.Value, 12);
            Assert.InRange(p.Value, p.Interval.Low, p.Interval.High);
            Assert.True(p.Interval.High - p.Interval.Low > 0.01, $"{p.Interval} is an interval, not a point");
        });
        var page = ModelCardHtml.Page(card);
        var accuracy = card.HeldOut.ProportionIntervals![0];
        Assert.Contains(FormattableString.Invariant($"<td>{card.HeldOut.Metrics[Metric.Accuracy]:F4} ({accuracy.Low:F4}–{accuracy.High:F4})</td></tr>"), page, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant(
            $"<td>held out (95 % CI)</td><td>{card.Threshold.HeldOutSensitivity:F4} ({threshold[0].Low:F4}–{threshold[0].High:F4})</td><td>{card.Threshold.HeldOutSpecificity:F4} ({threshold[1].Low:F4}–{threshold[1].High:F4})</td>"),
            page, StringComparison.Ordinal);
        Assert.Contains("accuracy, sensitivity, specificity, precision with Wilson 95 % score intervals from these counts.", page, StringComparison.Ordinal);
        Assert.Equal(card.Threshold, ModelCard.FromJson(card.ToJson(), "card.json").Threshold);
        Assert.Contains(IntendedUse.Study.Limitations, l => l.Contains("Nadeau–Bengio corrected intervals over folds for the cross-validated figures", StringComparison.Ordinal)
            && l.Contains("Wilson score intervals from the counts for the held-out accuracy, sensitivity, specificity and precision", StringComparison.Ordinal));
    }

    [Fact]
    public void A_proportion_with_nothing_to_count_has_no_Wilson_interval()
    {
        var noPositivePrediction = new ConfusionCounts(0, 0, 71, 43);

        Assert.Null(ProportionInterval.Wilson(Metric.Precision, noPositivePrediction));
        Assert.Null(ProportionInterval.Wilson(Metric.RocAuc, noPositivePrediction));
        var none = ProportionInterval.Wilson(Metric.Sensitivity, noPositivePrediction)!;
        Assert.Equal((Metric.Sensitivity, 0, 43, 0.0), (none.Metric, none.Successes, none.Trials, none.Low));
        Assert.Equal(Wilson(0, 43).High, none.High, 1e-7);
    }

    [Fact]
    public void A_card_written_before_the_held_out_intervals_the_copies_and_the_calibration_slope_were_recorded_still_reads_and_renders()
    {
        var json = JsonNode.Parse(study.Card.ToJson())!.AsObject();
        var heldOut = json["heldOut"]!.AsObject();
        var threshold = json["threshold"]!.AsObject();
        Assert.True(heldOut.Remove("proportionIntervals") && threshold.Remove("heldOutSensitivityInterval") && threshold.Remove("heldOutSpecificityInterval"));
        var beforeWilson = ModelCard.FromJson(json.ToJsonString(), "card.json");
        var beforeWilsonPage = ModelCardHtml.Page(beforeWilson);
        Assert.True(heldOut.Remove("intervals") && heldOut.Remove("addedRowsAmongThem") && json["calibration"]!.AsObject().Remove("recalibration"));

        var old = ModelCard.FromJson(json.ToJsonString(), "card.json");
        var page = ModelCardHtml.Page(old);

        Assert.Equal(0, old.HeldOut.AddedRowsAmongThem);
        Assert.Null(old.HeldOut.Intervals);
        Assert.Null(old.HeldOut.ProportionIntervals);
        Assert.Null(old.Threshold.HeldOutSensitivityInterval);
        Assert.Null(old.Threshold.HeldOutSpecificityInterval);
        Assert.Null(old.Calibration.Recalibration);
        Assert.Equal(study.Card.HeldOut.Metrics, old.HeldOut.Metrics);
        Assert.Contains("<td>calibration slope, out of fold (95 % CI)</td><td>not recorded on this card", page, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"<td>Brier score, held out</td><td>{study.Card.HeldOut.Metrics[Metric.Brier]:F4}</td>"), page, StringComparison.Ordinal);
        Assert.Contains("<th>held out</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("bc-card-warning", page, StringComparison.Ordinal);
        var accuracy = FormattableString.Invariant($"<td>{study.Card.HeldOut.Metrics[Metric.Accuracy]:F4}</td></tr>");
        var atThreshold = FormattableString.Invariant($"<td>held out</td><td>{study.Card.Threshold.HeldOutSensitivity:F4}</td><td>{study.Card.Threshold.HeldOutSpecificity:F4}</td></tr>");
        Assert.Contains(accuracy, page, StringComparison.Ordinal);
        Assert.Contains(atThreshold, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Wilson 95 % score intervals from these counts", page, StringComparison.Ordinal);
        Assert.NotNull(beforeWilson.HeldOut.Intervals);
        Assert.Null(beforeWilson.HeldOut.ProportionIntervals);
        Assert.Null(beforeWilson.Threshold.HeldOutSensitivityInterval);
        Assert.Contains("<th>held out (95 % CI)</th>", beforeWilsonPage, StringComparison.Ordinal);
        Assert.Contains(accuracy, beforeWilsonPage, StringComparison.Ordinal);
        Assert.Contains(atThreshold, beforeWilsonPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Wilson 95 % score intervals from these counts", beforeWilsonPage, StringComparison.Ordinal);
    }

    /// <summary>
    /// The Wilson 95 % score interval of <paramref name="successes"/> of <paramref name="trials"/>, by its formula
    /// (Newcombe 1998, method 3): (x + z²/2 ± z √(x(n − x)/n + z²/4)) / (n + z²), z = 1.959964.
    /// </summary>
    private static (double Low, double High) Wilson(int successes, int trials)
    {
        const double z = 1.959964;
        double x = successes, n = trials;
        var centre = (x + z * z / 2) / (n + z * z);
        var half = z * Math.Sqrt(x * (n - x) / n + z * z / 4) / (n + z * z);
        return (centre - half, centre + half);
    }

    /// <summary><paramref name="value"/> to 4 decimals, negative with a minus sign (U+2212).</summary>
    private static string Minus(double value) => (value < 0 ? "−" : "") + Math.Abs(value).ToString("F4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The study's card, made from <paramref name="crossValidation"/> instead of the study's.</summary>
    private ModelCard Card(CrossValidationResult crossValidation) =>
        ModelCard.Create(study.Final, study.Wdbc, study.Split, crossValidation, study.Nested, IntendedUse.Study, StudyModels.Created);

    /// <summary><paramref name="crossValidation"/> with every probability's log-odds multiplied by <paramref name="factor"/>: the slope of the result is the original's divided by it.</summary>
    private static CrossValidationResult Scaled(CrossValidationResult crossValidation, double factor) => crossValidation with
    {
        Folds = [.. crossValidation.Folds.Select(f => f with { Probabilities = [.. f.Probabilities.Select(p => SpecialFunctions.Logistic(factor * SpecialFunctions.Logit(p)))] })],
    };

    /// <summary>The card of the study's model retrained with <paramref name="added"/>, with the study's cross-validations (their rows are among its training rows).</summary>
    private ModelCard Challenger(AddedTrainingRows added)
    {
        var final = FinalModel.Train(study.Model, study.Wdbc, study.Split, added, seed: 1);
        var outcomes = study.Wdbc.Subset([.. study.Split.Test.Take(60)]);
        var comparison = ChallengerComparison.Run(new SavedModel("(memory)", study.Card, study.Final.Fitted), study.Model, study.Train.ToArray(), study.Train.IsMalignant,
            new AddedTrainingRows(outcomes.ToArray(), outcomes.IsMalignant), new RetrainCriteria(MinOutcomesPerClass: 5));
        return ModelCard.ForChallenger(final, study.Wdbc, study.Split, added, comparison, study.CrossValidation, study.Nested, IntendedUse.Study, StudyModels.Created);
    }
}
