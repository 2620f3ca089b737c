using System.Text.Json.Nodes;
using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class ClassificationMetricsTests
{
    private static readonly JsonArray Cases = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "metrics.json")))!["cases"]!.AsArray();

    public static TheoryData<int> CaseNumbers() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void Every_metric_equals_scikit_learns_on_fixed_predictions(int number)
    {
        var fixture = Cases[number]!;
        var labels = fixture["labels"]!.AsArray().Select(v => (int)v! == 1).ToArray();
        var probabilities = fixture["probabilities"]!.AsArray().Select(v => (double)v!).ToArray();

        var metrics = ClassificationMetrics.Compute(labels, probabilities);

        Assert.Equal(new ConfusionCounts((int)fixture["tp"]!, (int)fixture["fp"]!, (int)fixture["tn"]!, (int)fixture["fn"]!), metrics.Counts);
        Assert.Equal((double)fixture["accuracy"]!, metrics.Accuracy, 12);
        Assert.Equal((double)fixture["balanced_accuracy"]!, metrics.BalancedAccuracy, 12);
        Assert.Equal((double)fixture["precision"]!, metrics.Precision, 12);
        Assert.Equal((double)fixture["recall"]!, metrics.Sensitivity, 12);
        Assert.Equal((double)fixture["specificity"]!, metrics.Specificity, 12);
        Assert.Equal((double)fixture["f1"]!, metrics.F1, 12);
        Assert.Equal((double)fixture["mcc"]!, metrics.Mcc, 12);
        Assert.Equal((double)fixture["roc_auc"]!, metrics.RocAuc, 12);
        Assert.Equal((double)fixture["average_precision"]!, metrics.AveragePrecision, 12);
        Assert.Equal((double)fixture["brier"]!, metrics.Brier, 12);
        Assert.Equal((double)fixture["log_loss"]!, metrics.LogLoss, 10);
    }

    [Fact]
    public void Confusion_counts_add_up_over_folds()
    {
        var sum = new ConfusionCounts(1, 2, 3, 4) + new ConfusionCounts(10, 20, 30, 40);

        Assert.Equal(new ConfusionCounts(11, 22, 33, 44), sum);
    }

    [Fact]
    public void Mismatched_or_empty_inputs_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([true], [0.2, 0.3]));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([], []));
    }
}
