namespace BreastCancer.Bench;

/// <summary>
/// One measured <see cref="ComparisonRow"/>: each side's timings and its process's peak resident set (MiB); the peer's
/// are null when the row has none. The target: our median time at most the peer's, and our accuracy and ROC AUC on
/// the identical folds not below the peer's.
/// </summary>
internal sealed record TimedComparison(ComparisonRow Row, RowTiming Ours, double OursPeakMiB, RowTiming? Peer, double? PeerPeakMiB)
{
    /// <summary>How far below the peer's a figure may fall and still count as not below: rounding only.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>Our seconds over the runs.</summary>
    public Spread OursSeconds => Spread.Of(Ours.Seconds);

    /// <summary>The peer's seconds over the runs, or null.</summary>
    public Spread? PeerSeconds => Peer is null ? null : Spread.Of(Peer.Seconds);

    /// <summary>Our median seconds over the peer's, or null.</summary>
    public double? Ratio => PeerSeconds is { } peer ? OursSeconds.Median / peer.Median : null;

    /// <summary>The quality figures (accuracy, ROC AUC) where ours is below the peer's, with the gap.</summary>
    public IReadOnlyList<(string Metric, double Gap)> Below() =>
    [
        .. new[] { ("accuracy", Ours.Accuracy, Peer?.Accuracy), ("ROC AUC", Ours.RocAuc, Peer?.RocAuc) }
            .Where(m => m.Item2 is { } ours && m.Item3 is { } peer && ours < peer - Tolerance)
            .Select(m => (m.Item1, m.Item3!.Value - m.Item2!.Value)),
    ];

    /// <summary>Whether the row meets its target: with a peer, ratio ≤ 1 and nothing below; without, under the row's <see cref="ComparisonRow.TargetSeconds"/> when it has one.</summary>
    public bool Met => Ratio is { } ratio
        ? ratio <= 1 && Below().Count == 0
        : Row.TargetSeconds is not { } target || OursSeconds.Median < target;
}
