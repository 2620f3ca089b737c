using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Permutation importance as horizontal bars, most important at the top: each group's mean loss of the metric over the
/// repeated permutations, labelled by the group's name (a feature or a cluster), with both 95 % intervals: the bootstrap
/// interval over the rows as the bars' thin error bars, and the narrower interval over the repeats (rows fixed) as a
/// thick dark error bar on a point at the mean.
/// </summary>
public static class PermutationImportanceChart
{
    /// <summary>The <paramref name="top"/> groups of <paramref name="result"/> with the largest mean loss.</summary>
    /// <exception cref="ArgumentException">The result has no groups, or <paramref name="top"/> is below 1.</exception>
    public static GenericChart Create(PermutationImportanceResult result, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(result);
        ShapChartInput.RequirePositive(top, nameof(top));
        if (result.Groups.Count == 0)
        {
            throw new ArgumentException($"the permutation importance of {result.Model} has no groups: nothing to chart", nameof(result));
        }

        var groups = result.Groups.OrderByDescending(g => g.Mean).Take(top).ToArray();
        var names = groups.Select(g => g.Group.Name).ToArray();
        var chart = Bars(groups, names, result.Metric.Label())
            .WithXAxisStyle<double, double, string>(TitleText: LossTitle(result))
            .WithSize(860, 190 + 28 * names.Length);
        return LayoutSettings.With(chart, ("yaxis", RankedAxis(names, showLabels: true, "feature or group of features")), ("legend", LayoutSettings.LegendBelow(-0.12)),
            ("title", LayoutSettings.Attributes(("text", string.Create(CultureInfo.InvariantCulture, $"{result.Model}: permutation importance on {result.Rows} rows (seed {result.Seed})")))), ("margin", LayoutSettings.Attributes(("l", 40))));
    }

    /// <summary>The axis title: the metric's loss, with the baseline, the repeats and the row resamples behind the intervals.</summary>
    internal static string LossTitle(PermutationImportanceResult result) => string.Create(CultureInfo.InvariantCulture,
        $"loss of {result.Metric.Label()} when permuted (baseline {result.Baseline:F4}; 95 % CIs over {result.RowResamples} row resamples and over {result.Repeats} repeats)");

    /// <summary>
    /// Horizontal bars of the groups' mean losses at <paramref name="names"/>, their row-bootstrap intervals as error bars,
    /// and a point at each mean with its interval over the repeats, the two intervals named in the legend.
    /// </summary>
    internal static GenericChart Bars(IReadOnlyList<GroupImportance> groups, IReadOnlyList<string> names, string metric)
    {
        var bars = Chart.Bar<double, string, string>(
            values: groups.Select(g => g.Mean).ToArray(),
            Keys: names.ToArray(),
            Name: "mean loss, 95 % CI over rows (bootstrap)",
            ShowLegend: true,
            MarkerColor: Color.fromHex(ChartColors.BarHex));
        foreach (var trace in GenericChart.getTraces(bars))
        {
            trace.SetProperty("error_x", LayoutSettings.Attributes(("type", "data"), ("symmetric", false), ("array", groups.Select(g => g.RowHigh - g.Mean).ToArray()),
                ("arrayminus", groups.Select(g => g.Mean - g.RowLow).ToArray()), ("color", ChartColors.InkHex), ("thickness", 1)));
            trace.SetProperty("customdata", groups.Select(g => new[] { g.RowLow, g.RowHigh, g.Low, g.High }).ToArray());
            trace.SetProperty("hovertemplate",
                $"%{{y}}<br>mean loss of {metric} %{{x:.4f}}<br>95 % CI over rows %{{customdata[0]:.4f}} to %{{customdata[1]:.4f}}"
                + "<br>95 % CI over repeats %{customdata[2]:.4f} to %{customdata[3]:.4f}<extra></extra>");
        }

        var points = Chart.Point<double, string, string>(groups.Select(g => g.Mean).ToArray(), names.ToArray(),
            Name: "95 % CI over repeats (rows fixed)", ShowLegend: true, MarkerColor: Color.fromHex(ChartColors.MarkHex));
        foreach (var trace in GenericChart.getTraces(points))
        {
            trace.SetProperty("error_x", LayoutSettings.Attributes(("type", "data"), ("symmetric", false), ("array", groups.Select(g => g.High - g.Mean).ToArray()),
                ("arrayminus", groups.Select(g => g.Mean - g.Low).ToArray()), ("color", ChartColors.MarkHex), ("thickness", 4), ("width", 0)));
            trace.SetProperty("hoverinfo", "skip");
        }

        return Chart.Combine([bars, points]);
    }

    /// <summary>A category axis listing <paramref name="names"/> top to bottom, growing its margin to fit long labels.</summary>
    internal static DynamicObj.DynamicObj RankedAxis(IReadOnlyList<string> names, bool showLabels, string title = "feature") => LayoutSettings.Attributes(
        ("autorange", "reversed"), ("categoryorder", "array"), ("categoryarray", names.ToArray()), ("showticklabels", showLabels), ("automargin", true),
        ("title", LayoutSettings.Title(showLabels ? title : string.Empty)));
}
