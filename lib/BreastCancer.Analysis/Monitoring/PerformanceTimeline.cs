namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// Live performance measured again and again as confirmed outcomes arrive: after every <paramref name="Step"/>-th outcome given
/// (and after the last) <see cref="LivePerformance.Compute"/> over the latest <paramref name="Window"/> of them.
/// </summary>
/// <param name="Outcomes">Confirmed outcomes in the stream, those before the ones measured included.</param>
/// <param name="Window">The most outcomes a measurement looks at, at least 1.</param>
/// <param name="Step">Outcomes between measurements, at least 1.</param>
/// <param name="Checkpoints">The measurements, in the order the outcomes arrived.</param>
public sealed record PerformanceTimeline(int Outcomes, int Window, int Step, IReadOnlyList<PerformanceCheckpoint> Checkpoints)
{
    /// <summary>
    /// The timeline of outcomes i (oldest first) with the model's probability <paramref name="probabilities"/>[i] (0–1),
    /// its decision <paramref name="decisions"/>[i] (true = called malignant) and the confirmed diagnosis
    /// <paramref name="outcomes"/>[i] (true = malignant); when they are the latest part of a longer stream,
    /// <paramref name="before"/> outcomes came before them, and positions count from the stream's start.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, the window or step is below 1, <paramref name="before"/> is negative, or a probability is outside 0–1.</exception>
    public static PerformanceTimeline Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> decisions, IReadOnlyList<bool> outcomes, int window, int step, int before = 0)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(before);
        if (decisions.Count != probabilities.Count || outcomes.Count != probabilities.Count)
        {
            throw new ArgumentException($"{probabilities.Count} probabilities, {decisions.Count} decisions and {outcomes.Count} outcomes: one of each per case", nameof(outcomes));
        }

        var checkpoints = DriftTimeline.Ends(probabilities.Count, step).Select(end =>
        {
            var start = Math.Max(0, end - window);
            return new PerformanceCheckpoint(before + end, LivePerformance.Compute(DriftTimeline.Slice(probabilities, start, end), DriftTimeline.Slice(decisions, start, end),
                DriftTimeline.Slice(outcomes, start, end)));
        }).ToArray();
        return new PerformanceTimeline(before + probabilities.Count, window, step, checkpoints);
    }
}
