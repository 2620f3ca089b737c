using System.Globalization;

namespace BreastCancer.Bench;

/// <summary>
/// Batch scoring of 1,000,000 generated rows (issues 9 and 10): the app's <c>score</c> command with its default model
/// against <c>bench/peer/score.py</c> (scikit-learn's StandardScaler + LogisticRegression, C = 1/λ₂, on the same
/// training rows, streaming the same CSV in chunks), each a process of its own under GNU time: a warm-up run each,
/// then <c>runs</c> runs alternating. Rows per second are the rows over the process's wall-clock seconds, start and
/// model loading included on both sides; the two outputs are compared row by row.
/// </summary>
internal static class BatchComparison
{
    /// <summary>The population's size.</summary>
    public const int Rows = 1_000_000;

    public static BatchFigures Measure(BenchData data, string output, int runs)
    {
        var (models, model) = BatchBench.Model(data.Wdbc, output);
        var input = BatchBench.Input(data.Wdbc, Rows, output);
        var peerModel = PeerModel.Write(data, model.Card.Threshold.Threshold, output);
        var (ourScored, peerScored) = (Path.GetFullPath(Path.Combine(output, "batch-ours-scored.csv")), Path.GetFullPath(Path.Combine(output, "batch-peer-scored.csv")));
        MeasuredProcess Ours() => BatchBench.Score(input, ourScored, models);
        MeasuredProcess Theirs() => MeasuredProcess.Run(Peer.Python, [Path.Combine("bench", "peer", "score.py"), peerModel, input, peerScored]).EnsureSuccess("bench/peer/score.py");
        Ours();
        Theirs();
        var (ours, peer) = (new List<MeasuredProcess>(), new List<MeasuredProcess>());
        for (var run = 0; run < runs; run++)
        {
            ours.Add(Ours());
            peer.Add(Theirs());
        }

        var (gap, agreeing) = Agreement(ourScored, peerScored);
        File.Delete(ourScored);
        File.Delete(peerScored);
        return new BatchFigures(Rows, ours, peer, gap, agreeing);
    }

    /// <summary>The largest probability gap and the number of agreeing decisions between the two outputs, which both end with probability, decision and model columns.</summary>
    private static (double Gap, long Agreeing) Agreement(string ours, string peer)
    {
        var (gap, agreeing) = (0.0, 0L);
        using var a = new StreamReader(ours);
        using var b = new StreamReader(peer);
        a.ReadLine();
        b.ReadLine();
        while (a.ReadLine() is { } left && b.ReadLine() is { } right)
        {
            var (x, y) = (left.Split(','), right.Split(','));
            gap = Math.Max(gap, Math.Abs(double.Parse(x[^3], CultureInfo.InvariantCulture) - double.Parse(y[^3], CultureInfo.InvariantCulture)));
            agreeing += x[^2] == y[^2] ? 1 : 0;
        }

        return (gap, agreeing);
    }
}

/// <summary>Both sides' runs of the batch comparison, and how far apart their outputs were.</summary>
internal sealed record BatchFigures(int Rows, IReadOnlyList<MeasuredProcess> Ours, IReadOnlyList<MeasuredProcess> Peer, double ProbabilityGap, long DecisionsAgreeing)
{
    /// <summary>Our rows per second over the runs.</summary>
    public Spread OurRowsPerSecond => Spread.Of(Ours.Select(p => Rows / p.WallSeconds));

    /// <summary>The peer's rows per second over the runs.</summary>
    public Spread PeerRowsPerSecond => Spread.Of(Peer.Select(p => Rows / p.WallSeconds));

    /// <summary>Our median seconds over the peer's.</summary>
    public double Ratio => Spread.Of(Ours.Select(p => p.WallSeconds)).Median / Spread.Of(Peer.Select(p => p.WallSeconds)).Median;

    /// <summary>Whether ours reaches issue 9's throughput and is not slower than the peer.</summary>
    public bool Met => OurRowsPerSecond.Median >= BatchBench.RowsPerSecondTarget && Ratio <= 1;
}
