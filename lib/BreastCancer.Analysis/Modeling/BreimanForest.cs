using System.Globalization;
using System.Runtime.CompilerServices;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// A random forest as Breiman defined it (Breiman, "Random Forests", Machine Learning 45, 2001) and scikit-learn's
/// <c>RandomForestClassifier</c> grows it: every tree on its own bootstrap sample of the rows, every split chosen among
/// a fresh random subset of the features (<see cref="ForestSettings"/>); the probability of malignancy is the mean over
/// the trees of the leaf's share of malignant rows (scikit-learn's <c>predict_proba</c>, not a vote). The trees grow in
/// parallel, each from its own seed drawn in order from the fit's seed, so the same seed gives the same forest on any
/// number of cores. <see cref="RandomForest"/> is the classifier that grows it inside a pipeline; its form is a
/// <see cref="ForestForm"/>.
/// </summary>
public sealed class BreimanForest : IStagedFittedClassifier
{
    private readonly ClassificationTree[] _trees;

    private BreimanForest(ClassificationTree[] trees, int featureCount, ForestSettings settings) =>
        (_trees, FeatureCount, Settings) = (trees, featureCount, settings);

    /// <summary>The trees.</summary>
    public IReadOnlyList<ClassificationTree> Trees => _trees;

    /// <summary>The number of features of the rows the forest was grown on and scores.</summary>
    public int FeatureCount { get; }

    /// <summary>The settings it was grown with.</summary>
    public ForestSettings Settings { get; }

    /// <summary>Grows a forest on <paramref name="rows"/> labelled by <paramref name="malignant"/>.</summary>
    /// <param name="rows">The training rows, all of one width, every value finite.</param>
    /// <param name="malignant">One label per row, true for malignant.</param>
    /// <param name="settings">How the trees are grown.</param>
    /// <param name="seed">The seed of the bootstrap samples and of the features drawn at each split.</param>
    /// <exception cref="ArgumentException">The settings are unusable, there are no rows, the rows differ in width, a value is not finite, or the labels are not one per row.</exception>
    public static BreimanForest Fit(IReadOnlyList<double[]> rows, IReadOnlyList<bool> malignant, ForestSettings settings, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(malignant);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problems() is [var problem, ..])
        {
            throw new ArgumentException(problem, nameof(settings));
        }

        var columns = Columns(rows);
        if (malignant.Count != rows.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{malignant.Count} labels for {rows.Count} rows"), nameof(malignant));
        }

        var labels = malignant.ToArray();
        var random = new Random(seed);
        var seeds = Enumerable.Range(0, settings.Trees).Select(_ => random.Next()).ToArray();
        var trees = new ClassificationTree[settings.Trees];
        var ascending = ClassificationTree.AscendingRows(columns);
        Parallel.For(0, trees.Length, t =>
        {
            var own = new Random(seeds[t]);
            var weights = new int[rows.Count];
            for (var draw = 0; draw < rows.Count; draw++)
            {
                weights[settings.Bootstrap ? own.Next(rows.Count) : draw]++;
            }

            trees[t] = ClassificationTree.Grow(columns, ascending, labels, weights, settings, own);
        });
        return new BreimanForest(trees, columns.Length, settings);
    }

    /// <inheritdoc />
    public ClassifierForm Form => new ForestForm(this);

    /// <summary>A forest of <paramref name="trees"/> read back (from a model file), scoring rows of <paramref name="featureCount"/> features.</summary>
    /// <exception cref="ArgumentException">There are no trees, the settings are unusable, or a tree splits on a feature ≥ <paramref name="featureCount"/>.</exception>
    public static BreimanForest FromTrees(IReadOnlyList<ClassificationTree> trees, int featureCount, ForestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(settings);
        if (Problem(trees, featureCount, settings) is { } problem)
        {
            throw new ArgumentException(problem, nameof(trees));
        }

        return new BreimanForest([.. trees], featureCount, settings);
    }

    /// <summary>Why <paramref name="trees"/> grown with <paramref name="settings"/> are no forest on <paramref name="featureCount"/> features, or null.</summary>
    public static string? Problem(IReadOnlyList<ClassificationTree> trees, int featureCount, ForestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(trees);
        ArgumentNullException.ThrowIfNull(settings);
        return trees.Count == 0 ? "a forest has at least one tree"
            : settings.Problems() is [var problem, ..] ? problem
            : trees.Any(t => t is null || t.SplitFeatures.Any(f => f >= featureCount)) ? string.Create(CultureInfo.InvariantCulture, $"a tree splits on a feature beyond the {featureCount} features")
            : null;
    }

    /// <summary>The number of trees: a forest's stages.</summary>
    public int Stages => _trees.Length;

    /// <summary>The probability of malignancy of each row, 0–1: the mean of the trees' leaf values.</summary>
    /// <exception cref="ArgumentException">A row is narrower than the rows the forest was grown on.</exception>
    public double[] PredictProbability(IReadOnlyList<double[]> rows) => PredictProbability(rows, _trees.Length);

    /// <summary>
    /// The probability of malignancy of each row, 0–1, from the first <paramref name="stages"/> trees: the mean of
    /// their leaf values, summed in the same order, so bit for bit the forest of <paramref name="stages"/> trees grown
    /// with the same seed (its trees' seeds are the first drawn from the fit's seed).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stages"/> is below 1 or above the number of trees.</exception>
    /// <exception cref="ArgumentException">A row is narrower than the rows the forest was grown on.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] PredictProbability(IReadOnlyList<double[]> rows, int stages)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (stages < 1 || stages > _trees.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(stages), stages, string.Create(CultureInfo.InvariantCulture, $"the forest has {_trees.Length} trees: predict with 1 to {_trees.Length} of them"));
        }

        var probabilities = new double[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is null || row.Length < FeatureCount)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"row {r} has {row?.Length ?? 0} values, but the forest was grown on {FeatureCount}"), nameof(rows));
            }

            var sum = 0.0;
            for (var t = 0; t < stages; t++)
            {
                sum += _trees[t].Predict(row);
            }

            probabilities[r] = sum / stages;
        }

        return probabilities;
    }

    /// <summary>
    /// The impurity importance of each feature (mean decrease in Gini impurity, Breiman 2001; scikit-learn's
    /// <c>feature_importances_</c>): each tree's <see cref="ClassificationTree.ImpurityDecrease"/> scaled to sum 1, the
    /// mean over the trees, scaled to sum 1 (a tree that removes no impurity counts as zeros). Non-negative; all 0 when
    /// no tree splits.
    /// </summary>
    public double[] ImpurityImportance()
    {
        var importance = new double[FeatureCount];
        foreach (var tree in _trees)
        {
            var decrease = tree.ImpurityDecrease(FeatureCount);
            var sum = decrease.Sum();
            for (var f = 0; f < FeatureCount && sum > 0; f++)
            {
                importance[f] += decrease[f] / sum;
            }
        }

        var total = importance.Sum();
        return total > 0 ? [.. importance.Select(v => v / total)] : importance;
    }

    /// <summary>The rows as one single-precision array per feature, after checking them.</summary>
    private static float[][] Columns(IReadOnlyList<double[]> rows)
    {
        if (rows.Count == 0)
        {
            throw new ArgumentException("there are no rows to grow a forest on", nameof(rows));
        }

        var width = rows[0]?.Length ?? 0;
        var columns = Enumerable.Range(0, width).Select(_ => new float[rows.Count]).ToArray();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is null || row.Length != width)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"row {r} has {row?.Length ?? 0} values, but row 0 has {width}"), nameof(rows));
            }

            for (var f = 0; f < width; f++)
            {
                if (!double.IsFinite(row[f]))
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"row {r}, feature {f} is {row[f]}: a forest is grown on finite values (impute first)"), nameof(rows));
                }

                columns[f][r] = (float)row[f];
            }
        }

        return width == 0 ? throw new ArgumentException("the rows have no features", nameof(rows)) : columns;
    }
}
