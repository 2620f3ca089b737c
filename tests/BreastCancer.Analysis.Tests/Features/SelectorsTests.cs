using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Selection;

namespace BreastCancer.Analysis.Tests.Features;

public sealed class SelectorsTests
{
    /// <summary>
    /// 300 rows, 8 features: 1 and 4 carry the class (shifted by 1.5 SD), 6 is a near copy of 1, 7 is constant, the
    /// rest are noise.
    /// </summary>
    private static readonly (double[][] Rows, bool[] Labels) Synthetic = Make(300, 11);

    private static (double[][] Rows, bool[] Labels) Make(int n, int seed)
    {
        var random = new Random(seed);
        double Normal() => MathNet.Numerics.Distributions.Normal.Sample(random, 0, 1);
        var labels = Enumerable.Range(0, n).Select(i => i % 3 == 0).ToArray();
        var rows = labels.Select(l =>
        {
            var row = Enumerable.Range(0, 8).Select(_ => Normal()).ToArray();
            row[1] += l ? 1.5 : 0;
            row[4] -= l ? 1.5 : 0;
            row[6] = row[1] + 0.05 * Normal();
            row[7] = 3;
            return row;
        }).ToArray();
        return (rows, labels);
    }

    [Theory]
    [InlineData(UnivariateScore.AnovaF)]
    [InlineData(UnivariateScore.MutualInformation)]
    public void Univariate_selection_keeps_the_informative_features(UnivariateScore score)
    {
        var selected = new UnivariateSelection(score, 3).Fit(Synthetic.Rows, Synthetic.Labels).Selected;

        Assert.Equal([1, 4, 6], selected);
    }

    [Fact]
    public void The_variance_threshold_drops_only_the_constant_feature()
    {
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], new VarianceThreshold().Fit(Synthetic.Rows, Synthetic.Labels).Selected);
    }

    [Fact]
    public void The_correlation_filter_keeps_one_of_the_near_copies_and_every_other_feature()
    {
        var rows = Synthetic.Rows.Select(r => r[..7]).ToArray();

        var selected = new CorrelationFilter(0.2).Fit(rows, Synthetic.Labels).Selected;

        Assert.Equal(6, selected.Count);
        Assert.Single(selected.Intersect([1, 6]));
        Assert.Contains(4, selected);
    }

    [Fact]
    public void Vif_elimination_removes_one_of_the_near_copies()
    {
        var rows = Synthetic.Rows.Select(r => r[..7]).ToArray();

        var selected = new VifElimination(10).Fit(rows, Synthetic.Labels).Selected;

        Assert.Equal(6, selected.Count);
        Assert.Single(selected.Intersect([1, 6]));
    }

    [Fact]
    public void An_l1_penalty_keeps_the_informative_features_and_a_stronger_one_keeps_fewer()
    {
        var rows = Synthetic.Rows.Select(r => r[..6]).ToArray();
        string[] names = ["n0", "s1", "n2", "n3", "s4", "n5"];

        var path = L1Selection.Path(rows, Synthetic.Labels, names, [0.01, 5, 20, 60, 400]);
        var selected = new L1Selection(20).Fit(rows, Synthetic.Labels).Selected;

        Assert.Contains(1, selected);
        Assert.Contains(4, selected);
        Assert.True(path.NonZero.Zip(path.NonZero.Skip(1)).All(p => p.First >= p.Second), string.Join(",", path.NonZero));
        Assert.Equal(0, path.NonZero[^1]);
        Assert.True(path.Coefficients[0][1] > 0 && path.Coefficients[0][4] < 0);
    }

    [Fact]
    public void Selecting_on_all_rows_makes_pure_noise_look_predictive_and_selecting_inside_the_folds_does_not()
    {
        var (rows, labels) = SelectionLeak.NoiseControl(rows: 120, features: 1000, malignantShare: 0.5, seed: 3);
        var folds = StratifiedGroupKFold.Split(labels, null, 5, seed: 4);
        var majority = Math.Max(labels.Count(l => l), labels.Count(l => !l)) / (double)labels.Length;

        var leak = SelectionLeak.Measure(rows, labels, new UnivariateSelection(UnivariateScore.AnovaF, 10), MlNetClassifier.LogisticRegression(), folds, seed: 5);

        Assert.True(leak.SelectedOutside.MeanAccuracy > 0.75, $"outside {leak.SelectedOutside.MeanAccuracy}");
        Assert.True(leak.SelectedInside.MeanAccuracy < majority + 0.12, $"inside {leak.SelectedInside.MeanAccuracy}, majority {majority}");
        Assert.True(leak.AccuracyOptimism > 0.2);
    }

    [Fact]
    public void Bootstrap_selection_frequencies_are_reproducible_by_seed_and_find_the_informative_features_every_time()
    {
        IFeatureSelector[] selectors = [new UnivariateSelection(UnivariateScore.AnovaF, 3)];
        string[] names = ["n0", "s1", "n2", "n3", "s4", "n5", "c6", "k7"];

        var first = BootstrapSelectionFrequency.Run(Synthetic.Rows, Synthetic.Labels, names, selectors, resamples: 20, seed: 8);
        var again = BootstrapSelectionFrequency.Run(Synthetic.Rows, Synthetic.Labels, names, selectors, resamples: 20, seed: 8);

        Assert.Equal(first.Frequencies[0], again.Frequencies[0]);
        Assert.Equal([1.0, 1.0, 1.0], [first.Frequencies[0][1], first.Frequencies[0][4], first.Frequencies[0][6]]);
        Assert.Equal(3.0, first.Frequencies[0].Sum(), 12);
    }
}
