using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Analysis.Tests.Monitoring;

public sealed class PopulationStabilityIndexTests
{
    [Fact]
    public void Psi_equals_the_sum_by_hand_on_quartile_bins_with_an_empty_bin()
    {
        double[] reference = [1, 2, 3, 4, 5, 6, 7, 8];
        double[] current = [1, 2, 3, 7, 8, 8, 9, 10];

        var psi = PopulationStabilityIndex.Compute(reference, current, bins: 4);

        // quartiles by linear interpolation at positions 1.75, 3.5, 5.25: 2.75, 4.5, 6.25; reference shares ¼ each;
        // current: {1, 2} ¼, {3} ⅛, none (floored to 1e-4), {7, 8, 8, 9, 10} ⅝
        Assert.Equal([2.75, 4.5, 6.25], psi.Edges);
        Assert.Equal([0.25, 0.125, 1e-4, 0.625], psi.CurrentShares);
        var expected = (0.125 - 0.25) * Math.Log(0.125 / 0.25) + (1e-4 - 0.25) * Math.Log(1e-4 / 0.25) + (0.625 - 0.25) * Math.Log(0.625 / 0.25);
        Assert.Equal(expected, psi.Value, 12);
        Assert.Equal(2.385482, psi.Value, 5);
        Assert.Equal(StabilityBand.Significant, psi.Band);
    }

    [Fact]
    public void Psi_of_a_sample_against_itself_is_zero()
    {
        var sample = Normal(new Random(1), 500, 0, 1);

        var psi = PopulationStabilityIndex.Compute(sample, sample);

        Assert.Equal(0, psi.Value);
        Assert.Equal(StabilityBand.Stable, psi.Band);
        Assert.Equal(10, psi.ReferenceShares.Count);
    }

    [Fact]
    public void Psi_grows_with_the_shift_of_the_current_sample()
    {
        var random = new Random(2);
        var reference = Normal(random, 2000, 0, 1);

        double[] shifts = [0.0, 0.25, 0.5, 1.0];

        var values = shifts.Select(shift => PopulationStabilityIndex.Compute(reference, Normal(random, 2000, shift, 1)).Value).ToArray();

        Assert.True(values.Zip(values.Skip(1)).All(p => p.First < p.Second), string.Join(", ", values));
        Assert.Equal(StabilityBand.Stable, StabilityBands.Of(values[0]));
        Assert.Equal(StabilityBand.Significant, StabilityBands.Of(values[^1]));
    }

    [Fact]
    public void Tied_quantiles_are_collapsed_into_one_bin()
    {
        double[] reference = [0, 0, 0, 0, 0, 0, 1, 2, 3, 4];

        var psi = PopulationStabilityIndex.Compute(reference, reference);

        // deciles 0.1 … 0.5 are all 0; 0.6 … 0.9 at positions 5.4, 6.3, 7.2, 8.1: 0.4, 1.3, 2.2, 3.1;
        // (0, 0.4] holds no reference value, so its share is the floor
        Assert.Equal([0, 0.4, 1.3, 2.2, 3.1], psi.Edges.Select(e => Math.Round(e, 12)));
        Assert.Equal([0.6, 1e-4, 0.1, 0.1, 0.1, 0.1], psi.ReferenceShares);
    }

    [Fact]
    public void Bands_follow_the_conventional_cut_points()
    {
        Assert.Equal(StabilityBand.Stable, StabilityBands.Of(0.0999));
        Assert.Equal(StabilityBand.Moderate, StabilityBands.Of(0.1));
        Assert.Equal(StabilityBand.Moderate, StabilityBands.Of(0.25));
        Assert.Equal(StabilityBand.Significant, StabilityBands.Of(0.2501));
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        Assert.Equal("reference", Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([], [1.0])).ParamName);
        var infinite = Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.Compute([1.0, 2.0], [1.0, double.PositiveInfinity]));
        Assert.Equal("current", infinite.ParamName);
        Assert.Contains("value 1", infinite.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => PopulationStabilityIndex.Compute([1.0, 2.0], [1.0], bins: 1));
    }

    internal static double[] Normal(Random random, int count, double mean, double sd) =>
        [.. Enumerable.Range(0, count).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(random, mean, sd))];
}
