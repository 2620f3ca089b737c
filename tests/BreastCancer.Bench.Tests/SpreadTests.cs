using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

public class SpreadTests
{
    [Fact]
    public void OddCountMedianIsTheMiddleValue()
    {
        var spread = Spread.Of([0.9, 0.2, 0.5, 0.4, 0.7]);

        Assert.Equal(new Spread(0.5, 0.2, 0.9), spread);
    }

    [Fact]
    public void EvenCountMedianIsTheMeanOfTheMiddleTwo()
    {
        var spread = Spread.Of([4, 1, 3, 2]);

        Assert.Equal(new Spread(2.5, 1, 4), spread);
    }

    [Fact]
    public void OneMeasurementIsItsOwnSpread()
    {
        Assert.Equal(new Spread(7, 7, 7), Spread.Of([7]));
    }

    [Fact]
    public void NoMeasurementIsAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => Spread.Of([]));

        Assert.Contains("at least one measurement", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatsMedianThenRange()
    {
        Assert.Equal("2.50 [1.00–4.00]", Spread.Of([4, 1, 3, 2]).Format("F2"));
    }
}
