using BreastCancer.Analysis.Data;
using MathNet.Numerics.Statistics;
using Microsoft.Data.Analysis;

namespace BreastCancer.Analysis.Exploration;

/// <summary>
/// Descriptive statistics of every feature, for each class and for all rows: a <c>describe()</c> split by class.
/// Quartiles use linear interpolation between order statistics (R type 7, as pandas and NumPy); skewness and
/// kurtosis are MathNet's bias-adjusted sample estimators (kurtosis in excess of the normal's 3).
/// </summary>
/// <param name="Rows">One row per feature and group (B, M, all), features in catalogue order.</param>
public sealed record ClassDescription(IReadOnlyList<FeatureSummary> Rows)
{
    /// <summary>The statistics of <paramref name="data"/>, or of the given rows of it; missing cells are left out feature by feature.</summary>
    public static ClassDescription Of(BreastCancerData data, IReadOnlyList<int>? rows = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var selected = rows ?? [.. Enumerable.Range(0, data.RowCount)];
        var groups = new (string Name, Func<int, bool> Keep)[] { ("B", r => !data.IsMalignant[r]), ("M", r => data.IsMalignant[r]), ("all", _ => true) };
        var summaries = new List<FeatureSummary>();
        for (var f = 0; f < data.FeatureCount; f++)
        {
            foreach (var (name, keep) in groups)
            {
                var values = selected.Where(keep).Select(r => data[r, f]).Where(v => !double.IsNaN(v)).ToArray();
                summaries.Add(FeatureSummary.Of(data.FeatureNames[f], name, values));
            }
        }

        return new ClassDescription(summaries);
    }

    /// <summary>The statistics as a DataFrame, one row per feature and group.</summary>
    public DataFrame ToDataFrame() => new(
        new StringDataFrameColumn("feature", Rows.Select(r => r.Feature)),
        new StringDataFrameColumn("class", Rows.Select(r => r.Group)),
        new PrimitiveDataFrameColumn<int>("n", Rows.Select(r => r.Count)),
        new DoubleDataFrameColumn("mean", Rows.Select(r => r.Mean)),
        new DoubleDataFrameColumn("sd", Rows.Select(r => r.StandardDeviation)),
        new DoubleDataFrameColumn("min", Rows.Select(r => r.Minimum)),
        new DoubleDataFrameColumn("q1", Rows.Select(r => r.LowerQuartile)),
        new DoubleDataFrameColumn("median", Rows.Select(r => r.Median)),
        new DoubleDataFrameColumn("q3", Rows.Select(r => r.UpperQuartile)),
        new DoubleDataFrameColumn("max", Rows.Select(r => r.Maximum)),
        new DoubleDataFrameColumn("skewness", Rows.Select(r => r.Skewness)),
        new DoubleDataFrameColumn("excess kurtosis", Rows.Select(r => r.Kurtosis)));
}

/// <summary>The distribution of one feature in one group.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Group"><c>B</c>, <c>M</c> or <c>all</c>.</param>
/// <param name="Count">Values (missing cells excluded).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1).</param>
/// <param name="Minimum">Smallest value.</param>
/// <param name="LowerQuartile">25th percentile (R type 7).</param>
/// <param name="Median">50th percentile.</param>
/// <param name="UpperQuartile">75th percentile (R type 7).</param>
/// <param name="Maximum">Largest value.</param>
/// <param name="Skewness">Adjusted sample skewness.</param>
/// <param name="Kurtosis">Adjusted sample excess kurtosis.</param>
public sealed record FeatureSummary(string Feature, string Group, int Count, double Mean, double StandardDeviation, double Minimum,
    double LowerQuartile, double Median, double UpperQuartile, double Maximum, double Skewness, double Kurtosis)
{
    /// <summary>The summary of <paramref name="values"/>.</summary>
    public static FeatureSummary Of(string feature, string group, double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        return new FeatureSummary(feature, group, values.Length, values.Mean(), values.StandardDeviation(), sorted.FirstOrDefault(double.NaN),
            SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7), SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7), sorted.LastOrDefault(double.NaN),
            values.Skewness(), values.Kurtosis());
    }
}
