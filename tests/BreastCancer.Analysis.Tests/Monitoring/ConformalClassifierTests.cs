using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class ConformalClassifierTests
{
    [Fact]
    public void Cross_validated_calibration_uses_each_training_rows_out_of_fold_probability_and_covers_the_held_out_rows()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var split = HeldOutSplit.ForStudy(wdbc);
        var (train, test) = (wdbc.Subset(split.Train), wdbc.Subset(split.Test));
        var pipeline = ModelCatalogue.LogisticRegressionL2.With("l2", 3).Pipeline();

        var conformal = ConformalClassifier.CrossValidated(pipeline, train.ToArray(), train.IsMalignant, alpha: 0.05, folds: 5, seed: 1);

        var outOfFold = new double[train.RowCount];
        foreach (var fold in StratifiedGroupKFold.Split(train.IsMalignant, null, 5, seed: 1))
        {
            var fitted = pipeline.Fit([.. fold.Train.Select(train.Row)], [.. fold.Train.Select(r => train.IsMalignant[r])], seed: 1);
            var p = fitted.PredictProbability([.. fold.Test.Select(train.Row)]);
            for (var t = 0; t < p.Length; t++)
            {
                outOfFold[fold.Test[t]] = p[t];
            }
        }

        Assert.Equal(ConformalClassifier.Calibrate(outOfFold, train.IsMalignant, 0.05), conformal);
        var final = pipeline.Fit(train.ToArray(), train.IsMalignant, seed: 1).PredictProbability(test.ToArray());
        var covered = final.Zip(test.IsMalignant).Count(c => conformal.Set(c.First).Contains(c.Second)) / (double)test.RowCount;
        Assert.True(covered >= 0.9, $"the 95 % sets hold the true diagnosis of {covered:P1} of the held-out tumours");
    }

    [Fact]
    public void The_quantile_is_the_ceiling_of_n_plus_one_times_one_minus_alpha_th_smallest_score()
    {
        double[] probabilities = [0.95, 0.80, 0.30, 0.60, 0.10, 0.20, 0.05, 0.40, 0.70];
        bool[] labels = [true, true, true, false, false, false, false, true, false];

        var conformal = ConformalClassifier.Calibrate(probabilities, labels, alpha: 0.2);

        // scores 1 − p̂(true label): 0.05, 0.20, 0.70, 0.60, 0.10, 0.20, 0.05, 0.60, 0.70; sorted
        // 0.05, 0.05, 0.10, 0.20, 0.20, 0.60, 0.60, 0.70, 0.70; ⌈10 × 0.8⌉ = 8th: 0.70
        Assert.Equal(9, conformal.CalibrationSize);
        Assert.Equal(0.70, conformal.Quantile, 12);
        Assert.Equal(0.60, ConformalClassifier.Calibrate(probabilities, labels, alpha: 0.3).Quantile, 12);
    }

    [Fact]
    public void The_rank_is_exact_where_binary_floating_point_would_round_up()
    {
        var probabilities = Enumerable.Range(1, 19).Select(i => i / 20.0).ToArray();
        var labels = new bool[19];

        // ⌈20 × 0.95⌉ = 19: the largest score, 0.95; with 18 cases ⌈19 × 0.95⌉ = 19 > 18, so q̂ = ∞
        Assert.Equal(0.95, ConformalClassifier.Calibrate(probabilities, labels, 0.05).Quantile, 12);
        Assert.Equal(double.PositiveInfinity, ConformalClassifier.Calibrate(probabilities[..18], labels[..18], 0.05).Quantile);
    }

    [Fact]
    public void Sets_hold_each_label_whose_score_is_within_the_quantile()
    {
        var tight = new ConformalClassifier(0.1, 100, 0.3);
        var loose = new ConformalClassifier(0.1, 100, 0.6);

        Assert.Equal("malignant", tight.Set(0.9).Description);
        Assert.Equal("benign", tight.Set(0.1).Description);
        Assert.Equal("empty: neither label fits", tight.Set(0.5).Description);
        Assert.Equal(0, tight.Set(0.5).Size);
        Assert.Equal("uncertain: both", loose.Set(0.5).Description);
        Assert.Equal(new PredictionSet(Benign: false, Malignant: true), tight.Set(0.75));
    }

    [Fact]
    public void Coverage_over_many_calibrations_lies_within_the_published_bounds()
    {
        // n = 104, α = 0.1: ⌈105 × 0.9⌉ = 95, expected coverage 95/105 ≈ 0.9048, bounds [0.9, 0.9 + 1/105 ≈ 0.9095]
        const int calibrationSize = 104;
        const int testSize = 200;
        const int repetitions = 2000;
        const double alpha = 0.1;
        var random = new Random(20_261_124);
        var covered = 0L;
        for (var repetition = 0; repetition < repetitions; repetition++)
        {
            var (probabilities, labels) = Exchangeable(random, calibrationSize);
            var conformal = ConformalClassifier.Calibrate(probabilities, labels, alpha);
            var (testProbabilities, testLabels) = Exchangeable(random, testSize);
            covered += testProbabilities.Where((p, i) => conformal.Set(p).Contains(testLabels[i])).Count();
        }

        var coverage = covered / (double)(repetitions * testSize);

        Assert.InRange(coverage, 1 - alpha, 1 - alpha + 1.0 / (calibrationSize + 1));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        Assert.Equal("alpha", Assert.Throws<ArgumentOutOfRangeException>(() => ConformalClassifier.Calibrate([0.5], [true], 0)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ConformalClassifier.Calibrate([0.5, 0.2], [true], 0.1)).ParamName);
        Assert.Equal("labels", Assert.Throws<ArgumentException>(() => ConformalClassifier.Calibrate([], [], 0.1)).ParamName);
        var probability = Assert.Throws<ArgumentException>(() => ConformalClassifier.Calibrate([0.5, 1.2], [true, false], 0.1));
        Assert.Contains("calibration probability 1 is 1.2", probability.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConformalClassifier(0.1, 10, 0.4).Set(-0.1));
    }

    /// <summary>Cases with a uniform probability p of malignancy and a label drawn as Bernoulli(p): the model is the truth.</summary>
    private static (double[] Probabilities, bool[] Labels) Exchangeable(Random random, int count)
    {
        var probabilities = Enumerable.Range(0, count).Select(_ => random.NextDouble()).ToArray();
        return (probabilities, [.. probabilities.Select(p => random.NextDouble() < p)]);
    }
}
