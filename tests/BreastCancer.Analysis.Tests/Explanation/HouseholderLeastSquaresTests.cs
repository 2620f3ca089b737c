using BreastCancer.Analysis.Explanation;
using MathNet.Numerics.LinearAlgebra;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class HouseholderLeastSquaresTests
{
    [Theory]
    [InlineData(40, 3, 1)]
    [InlineData(300, 29, 2)]
    [InlineData(29, 29, 3)]
    public void The_solution_satisfies_the_normal_equations_and_matches_MathNets_QR(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var a = Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() * 2 - 1);
        var y = Vector<double>.Build.Dense(rows, _ => random.NextDouble() * 4 - 2);

        var beta = HouseholderLeastSquares.Solve(a.ToColumnMajorArray(), rows, columns, y.ToArray());

        Assert.NotNull(beta);
        var residual = a * Vector<double>.Build.DenseOfArray(beta) - y;
        var gradient = a.TransposeThisAndMultiply(residual);
        Assert.True(gradient.InfinityNorm() < 1e-11, $"Aᵀ(Aβ − y) = {gradient.InfinityNorm()}");
        var reference = a.QR().Solve(y);
        for (var j = 0; j < columns; j++)
        {
            Assert.Equal(reference[j], beta[j], 1e-11);
        }
    }

    [Fact]
    public void A_matrix_with_dependent_columns_has_no_solution()
    {
        var random = new Random(4);
        var a = Matrix<double>.Build.Dense(50, 4, (_, _) => random.NextDouble());
        a.SetColumn(3, a.Column(0) + a.Column(1));

        Assert.Null(HouseholderLeastSquares.Solve(a.ToColumnMajorArray(), 50, 4, new double[50]));
        Assert.Null(HouseholderLeastSquares.Solve(new double[50 * 4], 50, 4, new double[50]));
    }
}
