using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Measures what splitting a patient's rows across folds does to a cross-validated score: the same pipeline, data,
/// k, repetitions and seed, once with folds grouped by patient id and once with rows assigned one by one. The
/// difference (ungrouped − grouped) is the optimism a leak between folds adds.
/// </summary>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Grouped">Cross-validation with every patient's rows in one fold.</param>
/// <param name="Ungrouped">Cross-validation with rows assigned to folds one by one.</param>
/// <param name="TestRowsWithPatientInTraining">In the ungrouped folds, the share of test rows whose patient also has a row in the training rows, 0–1.</param>
public sealed record GroupingLeak(string Pipeline, CrossValidationResult Grouped, CrossValidationResult Ungrouped, double TestRowsWithPatientInTraining)
{
    /// <summary>Ungrouped minus grouped mean accuracy.</summary>
    public double AccuracyOptimism => Ungrouped.MeanAccuracy - Grouped.MeanAccuracy;

    /// <summary>Ungrouped minus grouped mean ROC AUC.</summary>
    public double RocAucOptimism => Ungrouped.MeanRocAuc - Grouped.MeanRocAuc;

    /// <summary>Cross-validates <paramref name="pipeline"/> both ways; <paramref name="data"/> must have patient ids.</summary>
    public static GroupingLeak Measure(ClassificationPipeline pipeline, BreastCancerData data, int k, int repeats, int seed)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(data);
        var ids = data.Ids ?? throw new ArgumentException($"{data.Source} has no patient ids: there is nothing to group by", nameof(data));
        var grouped = StratifiedGroupKFold.Split(data.IsMalignant, ids, k, seed, repeats);
        var ungrouped = StratifiedGroupKFold.Split(data.IsMalignant, null, k, seed, repeats);
        var shared = ungrouped.Sum(f =>
        {
            var trainIds = f.Train.Select(r => ids[r]).OfType<string>().ToHashSet(StringComparer.Ordinal);
            return f.Test.Count(r => ids[r] is { } id && trainIds.Contains(id));
        });
        return new GroupingLeak(pipeline.Name,
            CrossValidation.Run(pipeline, data, grouped, seed),
            CrossValidation.Run(pipeline, data, ungrouped, seed),
            shared / (double)ungrouped.Sum(f => f.Test.Count));
    }
}
