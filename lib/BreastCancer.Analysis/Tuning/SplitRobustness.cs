using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Analysis.Tuning;

/// <summary>
/// How much the study's headline figures move when its random choices change. The final procedure (<see cref="FinalModel"/>:
/// fit on the training rows, the threshold for the target sensitivity chosen there, one score of the held-out rows) is
/// repeated on held-out splits made with other seeds; and the pipeline is cross-validated (10-fold, stratified) on the
/// study's own training rows with folds made with other seeds. The spread over splits is what one held-out score of
/// 114 tumours cannot show; the spread over fold seeds is the part of a cross-validated figure that is the folds'.
/// </summary>
/// <param name="Model">The model's name.</param>
/// <param name="Splits">One outcome per held-out split seed.</param>
/// <param name="FoldSeeds">One outcome per fold seed.</param>
public sealed record SplitRobustness(string Model, IReadOnlyList<SplitOutcome> Splits, IReadOnlyList<FoldSeedOutcome> FoldSeeds)
{
    /// <summary>
    /// Repeats the final procedure of <paramref name="model"/> on <paramref name="splits"/> held-out splits of
    /// <paramref name="data"/> (20 % held out, seeds <paramref name="firstSeed"/> onwards) and cross-validates it on the
    /// study's training rows with <paramref name="foldSeeds"/> fold seeds (from <paramref name="firstSeed"/> onwards).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 splits or fold seeds.</exception>
    public static SplitRobustness Run(CatalogueModel model, BreastCancerData data, int splits = 20, int foldSeeds = 20, int firstSeed = 1, int? workers = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(splits, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(foldSeeds, 2);
        var outcomes = Enumerable.Range(firstSeed, splits).AsParallel().AsOrdered().WithDegreeOfParallelism(workers ?? Environment.ProcessorCount).Select(seed =>
        {
            var final = FinalModel.Train(model, data, HeldOutSplit.Create(data, HeldOutSplit.StudyTestFraction, seed), seed);
            var test = final.HeldOut.OperatingPoint.Test;
            return new SplitOutcome(seed, final.Threshold, final.HeldOut.Metrics.Accuracy, final.HeldOut.Metrics.RocAuc, test.Sensitivity, test.Specificity);
        }).ToArray();
        var training = data.Subset(HeldOutSplit.ForStudy(data).Train);
        var rows = training.ToArray();
        var seeds = Enumerable.Range(firstSeed, foldSeeds).Select(seed =>
        {
            var result = CrossValidation.Run(model.Pipeline(), rows, training.IsMalignant, StratifiedGroupKFold.Split(training.IsMalignant, null, 10, seed), seed, workers);
            return new FoldSeedOutcome(seed, result.Summary(Metric.Accuracy).Mean, result.Summary(Metric.RocAuc).Mean);
        }).ToArray();
        return new SplitRobustness(model.Name, outcomes, seeds);
    }
}

/// <summary>The final procedure on one held-out split.</summary>
/// <param name="Seed">The split's seed.</param>
/// <param name="Threshold">The threshold chosen on its training rows.</param>
/// <param name="Accuracy">Held-out accuracy at 0.5, 0–1.</param>
/// <param name="RocAuc">Held-out ROC AUC, 0–1.</param>
/// <param name="Sensitivity">Held-out sensitivity at the threshold, 0–1.</param>
/// <param name="Specificity">Held-out specificity at the threshold, 0–1.</param>
public sealed record SplitOutcome(int Seed, double Threshold, double Accuracy, double RocAuc, double Sensitivity, double Specificity);

/// <summary>Cross-validation of the pipeline on the study's training rows with one fold seed.</summary>
/// <param name="Seed">The folds' seed.</param>
/// <param name="Accuracy">Mean accuracy over the 10 test folds, 0–1.</param>
/// <param name="RocAuc">Mean ROC AUC over the 10 test folds, 0–1.</param>
public sealed record FoldSeedOutcome(int Seed, double Accuracy, double RocAuc);
