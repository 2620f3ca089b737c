using BreastCancer.Analysis.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// The reference distribution of a model-agnostic SHAP explanation: rows in the data's units, each with a weight, the
/// weights summing to 1. A feature left out of a coalition takes its value from a background row, and the value of the
/// coalition is the weighted mean of the model's output over the background (Lundberg &amp; Lee, NeurIPS 2017, eq. 11
/// with independent features; Janzing, Minorics &amp; Blöbaum 2020, the interventional value function). The rows are
/// copied, so later changes to the caller's arrays do not reach the background.
/// </summary>
public sealed record ShapBackground
{
    /// <summary>
    /// A background of <paramref name="rows"/> weighted by <paramref name="weights"/>, normalised to sum to 1. A missing
    /// cell (NaN) is kept: the model sees it as missing where the row fills in a feature (a pipeline imputes it).
    /// </summary>
    /// <param name="rows">At least one row, all of the same width (at least one feature), in the data's units.</param>
    /// <param name="weights">One finite, non-negative weight per row, not all zero; any scale.</param>
    /// <exception cref="ArgumentException">No rows, rows of different widths, or weights not one per row, negative, not finite or all zero.</exception>
    public ShapBackground(IReadOnlyList<double[]> rows, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(weights);
        if (rows.Count == 0)
        {
            throw new ArgumentException("the background has no rows: the value of a coalition (an expectation over the background) is undefined", nameof(rows));
        }

        ArgumentNullException.ThrowIfNull(rows[0], nameof(rows));
        var width = rows[0].Length;
        if (width == 0)
        {
            throw new ArgumentException("the background rows have no features", nameof(rows));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Length != width)
            {
                throw new ArgumentException($"background row {r} has {rows[r]?.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} values; row 0 has {width}", nameof(rows));
            }
        }

        if (weights.Count != rows.Count)
        {
            throw new ArgumentException($"{weights.Count} weights for {rows.Count} background rows: need one weight per row", nameof(weights));
        }

        var bad = weights.Select((w, i) => (w, i)).FirstOrDefault(p => !double.IsFinite(p.w) || p.w < 0);
        if (!double.IsFinite(bad.w) || bad.w < 0)
        {
            throw new ArgumentException($"the weight of background row {bad.i} is {bad.w}: weights must be finite and non-negative", nameof(weights));
        }

        var total = weights.Sum();
        if (total <= 0)
        {
            throw new ArgumentException("the background weights are all zero: they must have a positive sum", nameof(weights));
        }

        Rows = [.. rows.Select(r => (double[])r.Clone())];
        Weights = [.. weights.Select(w => w / total)];
    }

    /// <summary>The background rows, in the data's units.</summary>
    public IReadOnlyList<double[]> Rows { get; }

    /// <summary>The weight of each row, in [0, 1], summing to 1.</summary>
    public IReadOnlyList<double> Weights { get; }

    /// <summary>The number of features of every row.</summary>
    public int Width => Rows[0].Length;

    /// <summary>Every row of <paramref name="rows"/> with the same weight 1/n (shap passes a data matrix this way).</summary>
    /// <exception cref="ArgumentException">No rows, or rows of different widths.</exception>
    public static ShapBackground Of(IReadOnlyList<double[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new ShapBackground(rows, [.. Enumerable.Repeat(1.0, rows.Count)]);
    }

    /// <summary>
    /// <paramref name="count"/> rows drawn from <paramref name="rows"/> without replacement, each weighted 1/count, as
    /// <c>shap.sample</c> does; every row when there are no more than <paramref name="count"/>. The draw is a partial
    /// Fisher–Yates shuffle from a generator seeded with <paramref name="seed"/>, so the same seed gives the same rows;
    /// they keep their order in <paramref name="rows"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not positive.</exception>
    /// <exception cref="ArgumentException">No rows, or rows of different widths.</exception>
    public static ShapBackground Sample(IReadOnlyList<double[]> rows, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (rows.Count <= count)
        {
            return Of(rows);
        }

        var order = Enumerable.Range(0, rows.Count).ToArray();
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return Of([.. order.Take(count).Order().Select(i => rows[i])]);
    }

    /// <summary>
    /// A summary of <paramref name="rows"/> by <paramref name="k"/> k-means centroids, each weighted by the share of rows
    /// in its cluster, as <c>shap.kmeans</c> does. Clusters are found by ML.NET's k-means (k-means++ initialisation,
    /// Arthur &amp; Vassilvitskii 2007; one thread, context seeded with <paramref name="seed"/>, so the same seed gives the
    /// same summary) on the rows as they are, unscaled, so features with large ranges dominate the distances, as in shap.
    /// Each centroid is then the mean of its cluster's rows in double precision (ML.NET clusters in single precision);
    /// unlike shap's default <c>round_values=True</c>, centroid values are not snapped to observed values. Empty clusters
    /// are dropped. When there are no more than <paramref name="k"/> rows, every row is kept with weight 1/n.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not positive.</exception>
    /// <exception cref="ArgumentException">No rows, rows of different widths, or a row with a missing (NaN) or infinite value: a mean cannot be taken over it; impute the rows first.</exception>
    public static ShapBackground KMeans(IReadOnlyList<double[]> rows, int k, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var checkedRows = Of(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            var f = Array.FindIndex(rows[r], v => !double.IsFinite(v));
            if (f >= 0)
            {
                throw new ArgumentException($"row {r} has {rows[r][f]} at feature {f}: k-means needs finite values to average; impute the rows first", nameof(rows));
            }
        }

        if (rows.Count <= k)
        {
            return checkedRows;
        }

        var context = new MLContext(seed);
        var data = MlNetRows.ToDataView(context, rows, null);
        var model = context.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = "Features",
            NumberOfClusters = k,
            NumberOfThreads = 1,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
        }).Fit(data);
        var clusters = model.Transform(data).GetColumn<uint>("PredictedLabel").ToArray();
        var width = rows[0].Length;
        var sums = new double[k, width];
        var sizes = new int[k];
        for (var r = 0; r < rows.Count; r++)
        {
            var c = (int)clusters[r] - 1;
            sizes[c]++;
            for (var f = 0; f < width; f++)
            {
                sums[c, f] += rows[r][f];
            }
        }

        var kept = Enumerable.Range(0, k).Where(c => sizes[c] > 0).ToArray();
        return new ShapBackground(
            [.. kept.Select(c => Enumerable.Range(0, width).Select(f => sums[c, f] / sizes[c]).ToArray())],
            [.. kept.Select(c => (double)sizes[c])]);
    }
}
