using System.Text.Json.Nodes;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Modeling;

public sealed class KernelSvmTests
{
    private static readonly JsonNode Fixture = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "models.json")))!;
    private static readonly double[][] TrainRows = Matrix("x_train");
    private static readonly bool[] TrainLabels = Labels("y_train");
    private static readonly double[][] ScoreRows = Matrix("x_score");

    public static TheoryData<int> CaseNumbers() => [0, 1, 2];

    [Theory]
    [MemberData(nameof(CaseNumbers))]
    public void The_decision_function_equals_scikit_learns_svc_within_the_solver_tolerance(int number)
    {
        var fixture = Fixture["cases"]![number]!;

        var svm = new KernelSvm((double)fixture["c"]!, (double)fixture["gamma"]!).FitSvm(TrainRows, TrainLabels);

        var expected = fixture["decision"]!.AsArray().Select(v => (double)v!).ToArray();
        var actual = svm.DecisionFunction(ScoreRows);
        Assert.All(expected.Zip(actual), p => Assert.Equal(p.First, p.Second, 0.01));
        Assert.Equal(expected.Select(Math.Sign), actual.Select(Math.Sign));
        Assert.Equal((double)fixture["rho"]!, svm.Rho, 0.01);
        Assert.InRange(svm.SupportVectors.Count, (int)fixture["support_vectors"]! - 3, (int)fixture["support_vectors"]! + 3);
        Assert.Equal((double)fixture["dual_coefficient_sum_abs"]!, svm.DualCoefficients.Sum(Math.Abs), 0.02 * (double)fixture["dual_coefficient_sum_abs"]!);
    }

    [Fact]
    public void The_solution_satisfies_the_dual_constraints_and_the_kkt_conditions()
    {
        const double c = 2;
        var svm = new KernelSvm(c, 0.05, tolerance: 1e-6).FitSvm(TrainRows, TrainLabels);

        Assert.Equal(0, svm.DualCoefficients.Sum(), 9);
        Assert.All(svm.DualCoefficients, a => Assert.InRange(Math.Abs(a), 0, c + 1e-12));
        var margins = svm.DecisionFunction(TrainRows).Select((f, i) => (TrainLabels[i] ? 1 : -1) * f).ToArray();
        var alphaOf = TrainRows.Select(r => svm.SupportVectors.Select((s, k) => (s, k)).Where(p => p.s.SequenceEqual(r)).Select(p => Math.Abs(svm.DualCoefficients[p.k])).DefaultIfEmpty(0).First()).ToArray();
        for (var i = 0; i < TrainRows.Length; i++)
        {
            if (alphaOf[i] == 0)
            {
                Assert.True(margins[i] >= 1 - 1e-4, $"row {i}: α = 0 but margin {margins[i]}");
            }
            else if (alphaOf[i] < c - 1e-9)
            {
                Assert.Equal(1, margins[i], 1e-4);
            }
            else
            {
                Assert.True(margins[i] <= 1 + 1e-4, $"row {i}: α = C but margin {margins[i]}");
            }
        }
    }

    [Fact]
    public void Gamma_scale_is_one_over_features_times_the_variance_of_all_values()
    {
        var values = TrainRows.SelectMany(r => r).ToArray();
        var mean = values.Average();
        var expected = 1 / (30 * values.Average(v => (v - mean) * (v - mean)));

        Assert.Equal(expected, new KernelSvm().FitSvm(TrainRows, TrainLabels).Gamma, 12);
    }

    [Fact]
    public void Bad_settings_and_one_class_training_rows_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new KernelSvm(c: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KernelSvm(gamma: -1));
        var error = Assert.Throws<ArgumentException>(() => new KernelSvm().FitSvm(TrainRows[..5], [true, true, true, true, true]));
        Assert.Contains("both classes", error.Message, StringComparison.Ordinal);
    }

    internal static double[][] Matrix(string name) => [.. Fixture[name]!.AsArray().Select(r => r!.AsArray().Select(v => (double)v!).ToArray())];

    internal static bool[] Labels(string name) => [.. Fixture[name]!.AsArray().Select(v => (int)v! == 1)];
}
