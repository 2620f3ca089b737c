using BreastCancer.Analysis.Evaluation;
using MathNet.Numerics.Distributions;

namespace BreastCancer.Analysis.Tests.Evaluation;

public sealed class CorrectedResampledTTestTests
{
    [Fact]
    public void The_statistic_follows_nadeau_and_bengios_formula_by_hand()
    {
        double[] a = [0.95, 0.97, 0.96, 0.98, 0.94];
        double[] b = [0.94, 0.95, 0.96, 0.96, 0.93];

        var test = CorrectedResampledTTest.Compare(a, b, trainingRows: 90, testRows: 10);

        // differences 0.01, 0.02, 0, 0.02, 0.01: mean 0.012, sample variance 0.00007
        var se = Math.Sqrt((1.0 / 5 + 10.0 / 90) * 0.00007);
        Assert.Equal(0.012, test.MeanDifference, 12);
        Assert.Equal(0.012 / se, test.T, 9);
        Assert.Equal(4, test.DegreesOfFreedom);
        Assert.Equal(2 * StudentT.CDF(0, 1, 4, -0.012 / se), test.P, 12);
        Assert.Equal(0.012 - StudentT.InvCDF(0, 1, 4, 0.975) * se, test.Low, 12);
    }

    [Fact]
    public void The_correction_makes_the_test_more_cautious_than_the_naive_paired_t_test()
    {
        double[] a = [0.95, 0.97, 0.96, 0.98, 0.94, 0.96, 0.97, 0.95, 0.96, 0.97];
        double[] b = [0.94, 0.96, 0.96, 0.96, 0.94, 0.95, 0.96, 0.95, 0.95, 0.96];

        var corrected = CorrectedResampledTTest.Compare(a, b, 500, 56);
        var naive = CorrectedResampledTTest.Compare(a, b, int.MaxValue, 0);

        Assert.True(corrected.P > naive.P);
        Assert.True(corrected.High - corrected.Low > naive.High - naive.Low);
    }

    [Fact]
    public void Scores_from_different_numbers_of_folds_are_refused() =>
        Assert.Throws<ArgumentException>(() => CorrectedResampledTTest.Compare([0.9, 0.8], [0.9], 10, 2));
}
