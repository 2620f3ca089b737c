using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Tests.Modeling;

public sealed class CalibrationAndCatalogueTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    [Fact]
    public void Platt_calibration_inside_the_training_folds_improves_the_brier_score_of_an_uncalibrated_svm_on_wdbc()
    {
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 5, seed: 4);
        var raw = CrossValidation.Run(new ClassificationPipeline([new Standardizer()], new KernelSvm()), Wdbc, folds, seed: 1);
        var calibrated = CrossValidation.Run(new ClassificationPipeline([new Standardizer()], new CalibratedClassifier(new KernelSvm())), Wdbc, folds, seed: 1);

        Assert.True(calibrated.Summary(Metric.Brier).Mean < raw.Summary(Metric.Brier).Mean * 0.7,
            $"Brier {raw.Summary(Metric.Brier).Mean:F4} uncalibrated, {calibrated.Summary(Metric.Brier).Mean:F4} calibrated");
        Assert.True(calibrated.Summary(Metric.LogLoss).Mean < raw.Summary(Metric.LogLoss).Mean);
        Assert.Equal(raw.Summary(Metric.RocAuc).Mean, calibrated.Summary(Metric.RocAuc).Mean, 12);
    }

    [Fact]
    public void The_librarys_platt_calibrator_fits_ml_nets_own_and_gives_its_probabilities_in_double_precision()
    {
        var scores = Enumerable.Range(0, 200).Select(i => (Score: (float)((i % 40) / 4.0 - 5), Label: i % 40 > 18 ^ i % 7 == 0)).ToArray();
        var context = new MLContext(1);
        var view = context.Data.LoadFromEnumerable(scores.Select(s => new Scored { Score = s.Score, Label = s.Label }));
        var transformer = context.BinaryClassification.Calibrators.Platt().Fit(view);
        var theirs = ((IPredictionTransformer<PlattCalibrator>)transformer).Model;
        var theirProbabilities = transformer.Transform(view).GetColumn<float>("Probability").ToArray();

        var ours = PlattScaling.Fit([.. scores.Select(s => (double)s.Score)], [.. scores.Select(s => s.Label)], seed: 1);
        var ourProbabilities = ours.Probabilities([.. scores.Select(s => (double)s.Score)]);

        Assert.Equal(theirs.Slope, ours.Slope);
        Assert.Equal(theirs.Offset, ours.Offset);
        Assert.All(theirProbabilities.Zip(ourProbabilities), p => Assert.Equal(p.First, p.Second, 1e-6));
        Assert.True(ourProbabilities[39] > ourProbabilities[0], "the calibrated probability rises with the score");
        double[] confident = [(-20 - theirs.Offset) / theirs.Slope, (-30 - theirs.Offset) / theirs.Slope];
        Assert.All(confident, s => Assert.Equal(1f, theirs.PredictProbability((float)s)));
        Assert.True(ours.Probability(confident[0]) < ours.Probability(confident[1]) && ours.Probability(confident[1]) < 1,
            $"in double precision confident scores keep their order: {ours.Probability(confident[0]):R}, {ours.Probability(confident[1]):R}");
    }

    [Fact]
    public void Isotonic_calibration_is_monotone_in_the_score_and_fits_the_out_of_fold_scores_at_least_as_well_as_platt()
    {
        var scaler = new Standardizer().Fit(Wdbc.ToArray(), Wdbc.IsMalignant);
        var rows = scaler.Transform(Wdbc.ToArray());
        var (train, labels, test) = (rows[..400], Wdbc.IsMalignant.Take(400).ToArray(), rows[400..]);

        var isotonic = new CalibratedClassifier(new KernelSvm(), CalibrationMethod.Isotonic).Fit(train, labels, seed: 3);
        var platt = new CalibratedClassifier(new KernelSvm(), CalibrationMethod.Platt).Fit(train, labels, seed: 3);

        var margins = new KernelSvm().FitSvm(train, labels).DecisionFunction(test);
        var byMargin = isotonic.PredictProbability(test).Zip(margins).OrderBy(p => p.Second).Select(p => p.First).ToArray();
        Assert.All(Enumerable.Range(1, byMargin.Length - 1), i => Assert.True(byMargin[i] >= byMargin[i - 1] - 1e-7, $"{byMargin[i - 1]} then {byMargin[i]}"));
        Assert.All(byMargin, p => Assert.InRange(p, 0, 1));
        double Brier(IReadOnlyList<double> p) => p.Select((v, i) => Math.Pow(v - (labels[i] ? 1 : 0), 2)).Average();
        Assert.True(Brier(isotonic.OutOfFoldProbabilities!) <= Brier(platt.OutOfFoldProbabilities!) + 1e-6,
            $"pool-adjacent-violators is the least-squares monotone fit: {Brier(isotonic.OutOfFoldProbabilities!)} against Platt's {Brier(platt.OutOfFoldProbabilities!)}");
    }

    [Fact]
    public void The_calibrator_learns_only_from_the_training_rows_given_and_the_inner_model_is_refitted_on_all_of_them()
    {
        var spy = new RowCountingClassifier();
        var rows = Wdbc.ToArray()[..100];
        var labels = Wdbc.IsMalignant.Take(100).ToArray();

        new CalibratedClassifier(spy, folds: 4).Fit(rows, labels, seed: 2);

        Assert.Equal([75, 75, 75, 75, 100], spy.Seen.Order());
    }

    [Fact]
    public void Every_model_of_the_catalogue_names_its_hyperparameters_and_with_changes_only_the_one_named()
    {
        var svm = ModelCatalogue.RbfSvm.With("C", 10);

        Assert.Equal(10, svm.Hyperparameters["C"]);
        Assert.True(double.IsNaN(svm.Hyperparameters["gamma"]));
        Assert.Equal(1, ModelCatalogue.RbfSvm.Hyperparameters["C"]);
        Assert.Equal("RBF SVM (C = 10, gamma = scale)", svm.Name);
        Assert.Equal(svm.Name, svm.Pipeline().Name);
        var error = Assert.Throws<ArgumentException>(() => ModelCatalogue.RandomForest.With("depth", 3));
        Assert.Contains("random forest has no hyperparameter 'depth'", error.Message, StringComparison.Ordinal);
        Assert.Contains("leaves", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelCatalogue.All.Count, ModelCatalogue.All.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void With_a_set_of_values_changes_each_named_hyperparameter_and_refuses_an_unknown_one()
    {
        var searched = ModelCatalogue.RandomForest.With("trees", 300).With("feature_fraction", 0.1);

        var refitted = ModelCatalogue.RandomForest.With(searched.Hyperparameters);

        Assert.Equal(searched.Hyperparameters, refitted.Hyperparameters);
        Assert.Equal(300, refitted.Hyperparameters["trees"]);
        Assert.Equal(0.1, refitted.Hyperparameters["feature_fraction"]);
        Assert.Equal("random forest", refitted.Family);
        Assert.Equal(32, refitted.Hyperparameters["leaves"]);
        var error = Assert.Throws<ArgumentException>(() => ModelCatalogue.LightGbm.With(searched.Hyperparameters));
        Assert.Contains("has no hyperparameter 'feature_fraction'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_majority_baseline_scores_the_majority_share_and_an_auc_of_one_half()
    {
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 5, seed: 4);

        var result = CrossValidation.Run(ModelCatalogue.MajorityClass.Pipeline(), Wdbc, folds, seed: 1);

        Assert.All(result.Folds, f => Assert.Equal(f.Labels.Count(l => !l) / (double)f.TestRows, f.Accuracy, 12));
        Assert.All(result.Folds, f => Assert.Equal(0.5, f.RocAuc, 12));
        Assert.Equal(0, result.PooledCounts.TruePositives);
    }

    private sealed class Scored
    {
        public float Score { get; set; }

        public bool Label { get; set; }
    }

    private sealed class RowCountingClassifier : IClassifier
    {
        public List<int> Seen { get; } = [];

        public string Name => "counting";

        public IFittedClassifier Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, int seed)
        {
            Seen.Add(rows.Count);
            return new KernelSvm().Fit(rows, labels, seed);
        }
    }
}
