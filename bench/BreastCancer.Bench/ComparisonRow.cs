namespace BreastCancer.Bench;

/// <summary>
/// One row of the side-by-side comparison that <see cref="ResultsCommand"/> runs: our side is run by
/// <see cref="MeasureCommand"/> in a process of its own, the peer's by <c>bench/peer/rows.py</c> under the same
/// <see cref="Key"/>. <see cref="Prepare"/> does the untimed setup and returns the timed work, which also returns the
/// input the peer's script reads (the same rows and folds).
/// </summary>
/// <param name="Key">The row's name on both sides, e.g. <c>cv:random_forest</c>.</param>
/// <param name="Title">The row's name in the table.</param>
/// <param name="Ours">What our side runs.</param>
/// <param name="Peer">What the peer runs, or null when there is no peer (SHAP: no package is installable here).</param>
/// <param name="Items">How many items (rows, explanations) one run processes, to print items per second; or null.</param>
/// <param name="Prepare">The setup; returns the timed work.</param>
/// <param name="TargetSeconds">For a row without a peer, the time an earlier issue set, seconds; or null.</param>
internal sealed record ComparisonRow(string Key, string Title, string Ours, string? Peer, int? Items, Func<BenchData, Func<RowOutcome>> Prepare, double? TargetSeconds = null)
{
    /// <summary>The file our side writes for the peer's script, in <paramref name="output"/>.</summary>
    public string PeerInput(string output) => Path.Combine(output, $"row-{Key.Replace(':', '-')}.json");
}

/// <summary>What one run of a row's work gave: mean accuracy and ROC AUC where it has them, a one-line detail, and the peer's input.</summary>
internal sealed record RowOutcome(double? Accuracy, double? RocAuc, string Detail, object? PeerInput);
