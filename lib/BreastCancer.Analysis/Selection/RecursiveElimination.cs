using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Selection;

/// <summary>
/// Recursive feature elimination with cross-validation (Guyon et al., Machine Learning 46 (2002) 389–422; scikit-learn's
/// <c>RFECV</c>), fitted on training rows only: inside them, stratified folds score every feature count reached by
/// repeatedly dropping the <paramref name="step"/> least important features (ranked anew on each inner training
/// fold), the count with the best mean ROC AUC is chosen (the smallest on a tie), and elimination on all the training
/// rows down to that count gives the features kept. Any classifier of the catalogue scores the counts; the ranker says
/// which features go.
/// </summary>
/// <param name="ranker">The importance that decides which features are dropped.</param>
/// <param name="classifier">The classifier that scores each feature count.</param>
/// <param name="innerFolds">Folds of the inner cross-validation.</param>
/// <param name="step">Features dropped per round.</param>
/// <param name="seed">Seed of the inner folds and fits.</param>
public sealed class RecursiveElimination(IFeatureRanker ranker, IClassifier classifier, int innerFolds = 5, int step = 1, int seed = 0) : FeatureSelector
{
    /// <inheritdoc />
    public override string Name => $"RFECV ({ranker.Name}; {classifier.Name})";

    /// <inheritdoc />
    public override FittedSelection Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels) =>
        new(Evaluate(trainingRows, trainingLabels).Selected);

    /// <summary>The inner cross-validated ROC AUC of every feature count, the count chosen and the features kept.</summary>
    public EliminationCurve Evaluate(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels)
    {
        ArgumentNullException.ThrowIfNull(trainingRows);
        var folds = StratifiedGroupKFold.Split(trainingLabels, null, innerFolds, seed);
        var totals = new SortedDictionary<int, double>();
        foreach (var fold in folds)
        {
            var train = fold.Train.Select(r => trainingRows[r]).ToList();
            var trainLabels = fold.Train.Select(r => trainingLabels[r]).ToList();
            foreach (var (count, kept) in Eliminate(train, trainLabels))
            {
                var pipeline = new ClassificationPipeline([new ColumnSelection(kept, "kept"), new Standardizer()], classifier);
                var score = CrossValidation.Run(pipeline, trainingRows, trainingLabels, [fold], seed).Folds[0].RocAuc;
                totals[count] = totals.GetValueOrDefault(count) + score / folds.Count;
            }
        }

        var best = totals.OrderByDescending(p => Math.Round(p.Value, 12)).ThenBy(p => p.Key).First().Key;
        return new EliminationCurve(totals, best, Eliminate(trainingRows, trainingLabels).Single(e => e.Count == best).Kept);
    }

    private IEnumerable<(int Count, IReadOnlyList<int> Kept)> Eliminate(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels)
    {
        var kept = Enumerable.Range(0, rows[0].Length).ToList();
        while (true)
        {
            yield return (kept.Count, [.. kept]);
            if (kept.Count == 1)
            {
                yield break;
            }

            var importance = ranker.Importance([.. rows.Select(r => kept.Select(c => r[c]).ToArray())], labels, seed);
            var drop = Enumerable.Range(0, kept.Count).OrderBy(i => importance[i]).ThenByDescending(i => i).Take(Math.Min(step, kept.Count - 1)).Select(i => kept[i]).ToHashSet();
            kept = [.. kept.Where(c => !drop.Contains(c))];
        }
    }
}

/// <summary>What recursive elimination found on one set of training rows.</summary>
/// <param name="MeanRocAuc">The inner cross-validated ROC AUC of each feature count.</param>
/// <param name="Best">The count chosen: the best score, the fewest features on a tie.</param>
/// <param name="Selected">The features kept at that count by elimination on all the training rows.</param>
public sealed record EliminationCurve(IReadOnlyDictionary<int, double> MeanRocAuc, int Best, IReadOnlyList<int> Selected);
