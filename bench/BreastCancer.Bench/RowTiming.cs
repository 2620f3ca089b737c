using System.Text.Json;

namespace BreastCancer.Bench;

/// <summary>
/// What one side of a comparison row prints as JSON (both ours, <see cref="MeasureCommand"/>, and the peer's
/// <c>bench/peer/rows.py</c>): the seconds of each timed run after a warm-up, the mean accuracy and ROC AUC of the
/// row's work where it has them, and a one-line detail (e.g. the setting a search chose).
/// </summary>
internal sealed record RowTiming(IReadOnlyList<double> Seconds, double? Accuracy, double? RocAuc, string Detail)
{
    /// <summary>The timing a side of row <paramref name="key"/> printed as the last line of its output; throws when there is none.</summary>
    public static RowTiming Read(MeasuredProcess process, string key) =>
        JsonSerializer.Deserialize<RowTiming>(process.Output.Trim().Split('\n')[^1]) ?? throw new InvalidOperationException($"{key}: no timing printed: {process.Output}");
}
