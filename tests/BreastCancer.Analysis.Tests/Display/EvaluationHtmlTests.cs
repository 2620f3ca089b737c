using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Display;

public sealed class EvaluationHtmlTests
{
    [Fact]
    public void The_held_out_view_gives_each_counted_proportion_its_Wilson_interval()
    {
        // 43 cancers (40 at 0.9, 1 at 0.3, 2 at 0.1) and 71 benign tumours (67 at 0.05, 4 at 0.25).
        bool[] labels = [.. Enumerable.Repeat(true, 43), .. Enumerable.Repeat(false, 71)];
        double[] probabilities = [.. Enumerable.Repeat(0.9, 40), 0.3, 0.1, 0.1, .. Enumerable.Repeat(0.05, 67), .. Enumerable.Repeat(0.25, 4)];
        var atThreshold = ClassificationMetrics.Compute(labels, probabilities, 0.19);
        var score = new HeldOutScore("model", 455, 114, ClassificationMetrics.Compute(labels, probabilities), new FoldOperatingPoint(0.98, 0.19, atThreshold, atThreshold),
            HeldOutScore.BootstrapIntervals(labels, probabilities));

        var html = EvaluationHtml.Render(score);

        // Wilson 95 % by hand, (p + z²/2n ± z√(p(1 − p)/n + z²/4n²)) / (1 + z²/n): 41/43 → 0.845–0.987, 40/43 → 0.814–0.976,
        // 67/71 → 0.864–0.978, 71/71 → 0.949–1.000, 111/114 → 0.925–0.991, 108/114 → 0.890–0.976, 41/45 → 0.793–0.965, 40/40 → 0.912–1.000.
        Assert.Contains("<tr><td>sensitivity</td><td>0.9302 (0.814–0.976)</td><td>0.9535 (0.845–0.987)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>specificity</td><td>1.0000 (0.949–1.000)</td><td>0.9437 (0.864–0.978)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>accuracy</td><td>0.9737 (0.925–0.991)</td><td>0.9474 (0.890–0.976)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>precision</td><td>1.0000 (0.912–1.000)</td><td>0.9111 (0.793–0.965)</td>", html, StringComparison.Ordinal);
        Assert.Matches("<tr><td>F1</td><td>[0-9.]+</td><td>[0-9.]+</td></tr>", html);
        Assert.Contains("41 / 4 / 67 / 2", html, StringComparison.Ordinal);
        var auc = score.IntervalOf(Metric.RocAuc);
        Assert.Contains($"<tr><td>ROC AUC</td><td>{score.Metrics.RocAuc:F4} ({auc.Low:F4}–{auc.High:F4})</td><td>(threshold-free)</td></tr>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_held_out_intervals_are_the_percentiles_of_a_bootstrap_drawing_each_class_from_itself()
    {
        var random = new Random(4);
        bool[] labels = [.. Enumerable.Range(0, 60).Select(i => i % 3 == 0)];
        double[] probabilities = [.. labels.Select(l => Math.Clamp((l ? 0.7 : 0.3) + (0.5 * (random.NextDouble() - 0.5)), 0.01, 0.99))];

        var intervals = HeldOutScore.BootstrapIntervals(labels, probabilities);

        var draw = new Random(HeldOutScore.Seed);
        int[] malignant = [.. Enumerable.Range(0, 60).Where(r => labels[r])], benign = [.. Enumerable.Range(0, 60).Where(r => !labels[r])];
        var (aucs, briers) = (new List<double>(), new List<double>());
        for (var b = 0; b < HeldOutScore.Resamples; b++)
        {
            int[] rows = [.. malignant.Select(_ => malignant[draw.Next(malignant.Length)]), .. benign.Select(_ => benign[draw.Next(benign.Length)])];
            var (wins, pairs) = (0.0, 0);
            foreach (var i in rows.Where(r => labels[r]))
            {
                foreach (var j in rows.Where(r => !labels[r]))
                {
                    pairs++;
                    wins += probabilities[i] > probabilities[j] ? 1 : probabilities[i] == probabilities[j] ? 0.5 : 0;
                }
            }

            aucs.Add(wins / pairs);
            briers.Add(rows.Average(r => Math.Pow(probabilities[r] - (labels[r] ? 1 : 0), 2)));
        }

        static (double, double) Percentiles(List<double> values)
        {
            double[] sorted = [.. values.Order()];
            double At(double q)
            {
                var h = (sorted.Length - 1) * q;
                var k = (int)Math.Floor(h);
                return sorted[k] + ((h - k) * (sorted[Math.Min(k + 1, sorted.Length - 1)] - sorted[k]));
            }

            return (At(0.025), At(0.975));
        }

        var (aucLow, aucHigh) = Percentiles(aucs);
        var (brierLow, brierHigh) = Percentiles(briers);
        Assert.Equal(aucLow, intervals.Single(i => i.Metric == Metric.RocAuc).Low, 12);
        Assert.Equal(aucHigh, intervals.Single(i => i.Metric == Metric.RocAuc).High, 12);
        Assert.Equal(brierLow, intervals.Single(i => i.Metric == Metric.Brier).Low, 12);
        Assert.Equal(brierHigh, intervals.Single(i => i.Metric == Metric.Brier).High, 12);
        Assert.Equal(HeldOutScore.ThresholdFree, intervals.Select(i => i.Metric));
    }

    [Fact]
    public void The_calibration_views_give_slope_and_intercept_with_their_intervals()
    {
        var fit = new CalibrationRegression(114, 43, IntervalEstimate.Wald(1.2, 0.25), IntervalEstimate.Wald(-0.3, 0.4));
        var comparison = new CalibrationComparison(0, [("LR <L2>", fit)]);

        var single = EvaluationHtml.Render(fit);
        var table = EvaluationHtml.Render(comparison);

        // 1.2 ± 1.959964 × 0.25 = 0.71 to 1.69; −0.3 ± 1.959964 × 0.4 = −1.08 to 0.48.
        Assert.Contains("<td>114</td><td>43</td><td>1.20 (0.71 to 1.69)</td><td>-0.30 (-1.08 to 0.48)</td>", single, StringComparison.Ordinal);
        Assert.Contains("<td>LR &lt;L2&gt;</td><td>114</td><td>1.20 (0.71 to 1.69)</td>", table, StringComparison.Ordinal);
        Assert.Contains("repetition 1", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_robustness_view_gives_each_figures_mean_sd_and_range_over_splits_and_fold_seeds()
    {
        var robustness = new SplitRobustness("LR",
            [new SplitOutcome(1, 0.2, 0.96, 0.99, 0.95, 0.90), new SplitOutcome(2, 0.4, 0.98, 0.97, 1.00, 0.94)],
            [new FoldSeedOutcome(1, 0.97, 0.995), new FoldSeedOutcome(2, 0.98, 0.997)]);

        var html = TuningHtml.Render(robustness);

        // Two values a and b: mean (a + b)/2, sample SD |a − b|/√2.
        Assert.Contains("<tr><td>threshold chosen (2 held-out splits)</td><td>0.300</td><td>0.141</td><td>0.200</td><td>0.400</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>held-out sensitivity at the threshold</td><td>0.9750</td><td>0.0354</td><td>0.9500</td><td>1.0000</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>10-fold CV ROC AUC</td><td>0.9960</td><td>0.0014</td><td>0.9950</td><td>0.9970</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("seeds 1–2", html, StringComparison.Ordinal);
    }
}
