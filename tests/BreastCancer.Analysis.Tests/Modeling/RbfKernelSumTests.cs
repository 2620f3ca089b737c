using System.Numerics.Tensors;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tests.Modeling;

public sealed class RbfKernelSumTests
{
    [Fact]
    public void The_decision_value_is_the_kernel_sum_worked_out_by_hand()
    {
        double[][] supportVectors = [[0, 0], [3, 4], [1, -1]];
        double[] coefficients = [0.5, -2, 1.25];

        var sum = new RbfKernelSum(supportVectors, coefficients, gamma: 0.1, rho: 0.3);

        var expected = 0.5 * Math.Exp(-0.1 * 2) - 2 * Math.Exp(-0.1 * 13) + 1.25 * Math.Exp(-0.1 * 4) - 0.3;
        Assert.Equal(expected, sum.Decision([1, 1], new double[sum.ScratchLength]), 1e-14);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(37, 5)]
    [InlineData(70, 30)]
    public void Each_distance_is_the_scalar_sum_over_features_in_order_so_the_value_is_that_of_a_scalar_loop_bit_for_bit(int count, int width)
    {
        var random = new Random(count);
        var supportVectors = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, width).Select(_ => random.NextDouble() * 4 - 2).ToArray()).ToArray();
        var coefficients = Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var sum = new RbfKernelSum(supportVectors, coefficients, gamma: 0.07, rho: -0.2);
        var scratch = new double[sum.ScratchLength];

        for (var r = 0; r < 20; r++)
        {
            var row = Enumerable.Range(0, width).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            var exponents = supportVectors.Select(s =>
            {
                var squared = 0.0;
                for (var f = 0; f < width; f++)
                {
                    squared += (s[f] - row[f]) * (s[f] - row[f]);
                }

                return -0.07 * squared;
            }).ToArray();
            TensorPrimitives.Exp<double>(exponents, exponents);

            Assert.Equal(TensorPrimitives.Dot<double>(exponents, coefficients) + 0.2, sum.Decision(row, scratch));
        }
    }

    [Fact]
    public void A_row_of_another_width_is_refused()
    {
        var sum = new RbfKernelSum([[0, 0], [1, 1]], [1, -1], gamma: 1, rho: 0);

        Assert.Throws<ArgumentException>(() => sum.Decision([0, 0, 0], new double[sum.ScratchLength]));
    }
}
