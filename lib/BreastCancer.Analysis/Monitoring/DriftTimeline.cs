namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// Drift checked again and again along a stream of predictions, as a monitor checking every <paramref name="Step"/>
/// rows would have seen it: after every step-th row given (and after the last) a <see cref="DriftDetector"/>
/// compares the latest <paramref name="Window"/> rows with the reference rows. Checks whose window holds fewer rows than
/// the detector's minimum are not made.
/// </summary>
/// <param name="Rows">Rows in the stream, those before the rows checked included.</param>
/// <param name="Window">The most rows a check looks at, at least 1.</param>
/// <param name="Step">Rows between checks, at least 1.</param>
/// <param name="Checkpoints">The checks, in the stream's order.</param>
public sealed record DriftTimeline(int Rows, int Window, int Step, IReadOnlyList<DriftCheckpoint> Checkpoints)
{
    /// <summary>
    /// The timeline of the stream whose rows are <paramref name="rows"/> (in the detector's feature order and units),
    /// oldest first, with probabilities of malignancy <paramref name="probabilities"/>; when the rows are the latest part of
    /// a longer stream, <paramref name="before"/> rows came before them, and positions count from the stream's start.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, the window or step is below 1, <paramref name="before"/> is negative, or a row is not one the detector reads.</exception>
    public static DriftTimeline Compute(DriftDetector detector, IReadOnlyList<double[]> rows, IReadOnlyList<double> probabilities, int window, int step, int before = 0)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(step, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(before);
        if (probabilities.Count != rows.Count)
        {
            throw new ArgumentException($"{rows.Count} rows and {probabilities.Count} probabilities: one probability per row", nameof(probabilities));
        }

        var checkpoints = Ends(rows.Count, step)
            .Select(end => (End: end, Start: Math.Max(0, end - window)))
            .Where(w => w.End - w.Start >= detector.Thresholds.MinimumWindow)
            .Select(w => new DriftCheckpoint(before + w.End, detector.Check(Slice(rows, w.Start, w.End), Slice(probabilities, w.Start, w.End))))
            .ToArray();
        return new DriftTimeline(before + rows.Count, window, step, checkpoints);
    }

    /// <summary>The stream positions checked: every multiple of <paramref name="step"/> up to <paramref name="rows"/>, and <paramref name="rows"/> itself.</summary>
    internal static IEnumerable<int> Ends(int rows, int step)
    {
        for (var end = step; end < rows; end += step)
        {
            yield return end;
        }

        if (rows > 0)
        {
            yield return rows;
        }
    }

    internal static T[] Slice<T>(IReadOnlyList<T> values, int start, int end)
    {
        var slice = new T[end - start];
        for (var i = start; i < end; i++)
        {
            slice[i - start] = values[i];
        }

        return slice;
    }
}
