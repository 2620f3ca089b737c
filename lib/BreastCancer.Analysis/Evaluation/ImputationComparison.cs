using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Compares ways of handling missing values by the cross-validated score of one classifier: dropping incomplete rows
/// (an explicit choice, scored on the rows that remain), and median, mean, most-frequent and k-nearest-neighbour
/// imputation, each fitted inside the training folds. The folds are stratified and grouped by patient id, the same
/// folds for every imputer (dropping rows changes the data, so it gets its own folds from the same seed).
/// </summary>
public static class ImputationComparison
{
    /// <summary>Cross-validates imputer → standardisation → <paramref name="classifier"/> for each strategy.</summary>
    public static ImputationComparisonResult Run(BreastCancerData data, IClassifier classifier, int k, int repeats, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        var folds = StratifiedGroupKFold.Split(data.IsMalignant, data.Ids, k, seed, repeats);
        var outcomes = new List<ImputationOutcome>();
        var complete = data.WithoutIncompleteRows(out var dropped);
        var completeFolds = StratifiedGroupKFold.Split(complete.IsMalignant, complete.Ids, k, seed, repeats);
        outcomes.Add(new ImputationOutcome("drop incomplete rows", complete.RowCount, dropped.Count,
            CrossValidation.Run(new ClassificationPipeline([new Standardizer()], classifier), complete, completeFolds, seed)));
        IFeatureStep[] imputers =
        [
            new SimpleImputer(ImputationStatistic.Median), new SimpleImputer(ImputationStatistic.Mean),
            new SimpleImputer(ImputationStatistic.MostFrequent), new KnnImputer(5),
        ];
        foreach (var imputer in imputers)
        {
            outcomes.Add(new ImputationOutcome(imputer.Name, data.RowCount, 0,
                CrossValidation.Run(new ClassificationPipeline([imputer, new Standardizer()], classifier), data, folds, seed)));
        }

        return new ImputationComparisonResult($"{classifier.Name}; {repeats} × {k}-fold CV, stratified, grouped by patient, seed {seed}", outcomes);
    }
}

/// <summary>The outcome of every strategy under one protocol.</summary>
/// <param name="Protocol">The classifier and folds used.</param>
/// <param name="Outcomes">One outcome per strategy, dropping rows first.</param>
public sealed record ImputationComparisonResult(string Protocol, IReadOnlyList<ImputationOutcome> Outcomes);

/// <summary>How one way of handling missing values scored.</summary>
/// <param name="Strategy">The strategy's name.</param>
/// <param name="RowsUsed">Rows cross-validated.</param>
/// <param name="RowsDropped">Rows left out (only when dropping incomplete rows).</param>
/// <param name="Result">The cross-validation result.</param>
public sealed record ImputationOutcome(string Strategy, int RowsUsed, int RowsDropped, CrossValidationResult Result);
