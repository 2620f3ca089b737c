using BreastCancer.Bench;

namespace BreastCancer.Bench.Tests;

public class TimedComparisonTests
{
    private static readonly ComparisonRow Row = new("cv:test", "a row", "ours", "peer", null, _ => () => new RowOutcome(null, null, "", null));

    private static TimedComparison Compare(double[] ours, double[] peer, double? ourAccuracy = 0.97, double? peerAccuracy = 0.97, double? ourAuc = 0.99, double? peerAuc = 0.99) =>
        new(Row, new RowTiming(ours, ourAccuracy, ourAuc, ""), 80, new RowTiming(peer, peerAccuracy, peerAuc, ""), 100);

    [Fact]
    public void RatioIsOurMedianOverThePeers()
    {
        var row = Compare([3, 1, 2], [4, 8, 6, 5]);

        Assert.Equal(2 / 5.5, row.Ratio!.Value, 12);
        Assert.True(row.Met);
    }

    [Fact]
    public void EqualTimesAndQualityMeetTheTarget()
    {
        Assert.True(Compare([2, 2, 2], [2, 2, 2]).Met);
    }

    [Fact]
    public void SlowerMisses()
    {
        var row = Compare([3, 3, 3], [2, 2, 2]);

        Assert.Equal(1.5, row.Ratio!.Value, 12);
        Assert.False(row.Met);
        Assert.Empty(row.Below());
    }

    [Fact]
    public void FasterButLessAccurateMissesAndNamesTheGap()
    {
        var row = Compare([1], [2], ourAccuracy: 0.9582, peerAccuracy: 0.9633, ourAuc: 0.9904, peerAuc: 0.9916);

        Assert.False(row.Met);
        Assert.Collection(row.Below(),
            a => { Assert.Equal("accuracy", a.Metric); Assert.Equal(0.0051, a.Gap, 12); },
            r => { Assert.Equal("ROC AUC", r.Metric); Assert.Equal(0.0012, r.Gap, 12); });
    }

    [Fact]
    public void BetterQualityIsNotBelow()
    {
        Assert.True(Compare([1], [2], ourAccuracy: 0.98, peerAccuracy: 0.97, ourAuc: 0.995, peerAuc: 0.99).Met);
    }

    [Fact]
    public void FiguresOnlyOneSideHasAreNotCompared()
    {
        Assert.True(Compare([1], [2], ourAccuracy: null, peerAccuracy: 0.97).Met);
    }

    [Theory]
    [InlineData(0.226, true)]
    [InlineData(1.2, false)]
    public void WithoutAPeerTheRowKeepsItsOwnTarget(double seconds, bool met)
    {
        var row = new TimedComparison(Row with { Peer = null, TargetSeconds = 1 }, new RowTiming([seconds], null, null, ""), 80, null, null);

        Assert.Null(row.Ratio);
        Assert.Equal(met, row.Met);
    }
}
