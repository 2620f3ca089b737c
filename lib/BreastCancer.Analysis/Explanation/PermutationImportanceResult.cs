using BreastCancer.Analysis.Evaluation;

namespace BreastCancer.Analysis.Explanation;

/// <summary>The permutation importance of feature groups for one fitted model on some rows.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Metric">The metric whose loss measures importance.</param>
/// <param name="Baseline">The metric on the rows as they are.</param>
/// <param name="Rows">The number of rows scored.</param>
/// <param name="Repeats">Permutations per group.</param>
/// <param name="RowResamples">Bootstrap resamples of the rows behind each group's <see cref="GroupImportance.RowLow"/> and <see cref="GroupImportance.RowHigh"/>.</param>
/// <param name="Seed">The seed the permutations and the row resamples were drawn with.</param>
/// <param name="Groups">Each group's importance, most important first.</param>
public sealed record PermutationImportanceResult(string Model, Metric Metric, double Baseline, int Rows, int Repeats, int RowResamples, int Seed, IReadOnlyList<GroupImportance> Groups)
{
    /// <summary>The mean loss of each of <paramref name="features"/>, in their order, from groups of one feature named as the feature.</summary>
    /// <exception cref="ArgumentException">A feature has no group of its own (the result is of clusters, or of other features).</exception>
    public double[] MeanLossByFeature(IReadOnlyList<string> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return [.. features.Select(name => Groups.FirstOrDefault(g => g.Group.Name == name && g.Group.Features.Count == 1) is { } single
            ? single.Mean
            : throw new ArgumentException($"no single-feature group for '{name}' in the permutation importance of {Model} (groups: {string.Join(", ", Groups.Select(g => g.Group.Name))})", nameof(features)))];
    }
}

/// <summary>
/// One group's importance: the loss of the metric when the group's columns are shuffled together (positive = the model
/// relies on the group), over repeated permutations, with two 95 % intervals. <see cref="Low"/>–<see cref="High"/> is
/// the t-interval of the mean over the repeats, mean ± t₀.₉₇₅,r−1 · s/√r: it covers the randomness of the permutations
/// only, the rows held fixed. <see cref="RowLow"/>–<see cref="RowHigh"/> is a percentile bootstrap over the rows,
/// stratified by class (each resample re-evaluates the metric of the already scored baseline and permuted probabilities on
/// the same resampled rows and averages the loss over the repeats): it also covers which rows happened to be scored, the
/// uncertainty that matters when the importance is read as a property of the model on new tumours.
/// </summary>
/// <param name="Group">The features permuted together.</param>
/// <param name="Losses">The loss in each repeat, in the metric's units (baseline − permuted, or the reverse for a lower-is-better metric).</param>
/// <param name="Mean">The mean loss.</param>
/// <param name="Low">Lower bound of the 95 % interval of the mean over the repeats.</param>
/// <param name="High">Upper bound of the 95 % interval of the mean over the repeats.</param>
/// <param name="RowLow">Lower bound of the 95 % bootstrap interval over the rows (the 2.5th percentile of the resamples' mean losses).</param>
/// <param name="RowHigh">Upper bound of the 95 % bootstrap interval over the rows (the 97.5th percentile).</param>
public sealed record GroupImportance(FeatureGroup Group, IReadOnlyList<double> Losses, double Mean, double Low, double High, double RowLow, double RowHigh);
