using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Permutation importance as horizontal bars, most important at the top: each group's mean loss of the metric over the
/// repeated permutations, its 95 % interval as error bars, labelled by the group's name (a feature or a cluster).
/// </summary>
public static class PermutationImportanceChart
{
    /// <summary>The colour of the permutation bars (Okabe–Ito sky blue).</summary>
    internal const string BarHex = "#56B4E9";

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
            .WithSize(860, 150 + 28 * names.Length);
        return LayoutSettings.With(chart, ("yaxis", RankedAxis(names, showLabels: true, "feature or group of features")),
            ("title", LayoutSettings.Attributes(("text", string.Create(CultureInfo.InvariantCulture, $"{result.Model}: permutation importance on {result.Rows} rows (seed {result.Seed})")))), ("margin", LayoutSettings.Attributes(("l", 40))));
    }

    /// <summary>The axis title: the metric's loss, with the baseline and the repeats behind the intervals.</summary>
    internal static string LossTitle(PermutationImportanceResult result) => string.Create(CultureInfo.InvariantCulture,
        $"loss of {result.Metric.Label()} when permuted (baseline {result.Baseline:F4}; 95 % CI over {result.Repeats} repeats)");

    /// <summary>Horizontal bars of the groups' mean losses at <paramref name="names"/>, with their intervals as error bars.</summary>
    internal static GenericChart Bars(IReadOnlyList<GroupImportance> groups, IReadOnlyList<string> names, string metric)
    {
        var bars = Chart.Bar<double, string, string>(
            values: groups.Select(g => g.Mean).ToArray(),
            Keys: names.ToArray(),
            Name: "permutation importance",
            ShowLegend: false,
            MarkerColor: Color.fromHex(BarHex));
        foreach (var trace in GenericChart.getTraces(bars))
        {
            trace.SetProperty("error_x", LayoutSettings.Attributes(("type", "data"), ("symmetric", false), ("array", groups.Select(g => g.High - g.Mean).ToArray()),
                ("arrayminus", groups.Select(g => g.Mean - g.Low).ToArray()), ("color", "#333333")));
            trace.SetProperty("customdata", groups.Select(g => new[] { g.Low, g.High }).ToArray());
            trace.SetProperty("hovertemplate", $"%{{y}}<br>mean loss of {metric} %{{x:.4f}} (95 % CI %{{customdata[0]:.4f}} to %{{customdata[1]:.4f}})<extra></extra>");
        }

        return bars;
    }

    /// <summary>A category axis listing <paramref name="names"/> top to bottom, growing its margin to fit long labels.</summary>
    internal static DynamicObj.DynamicObj RankedAxis(IReadOnlyList<string> names, bool showLabels, string title = "feature") => LayoutSettings.Attributes(
        ("autorange", "reversed"), ("categoryorder", "array"), ("categoryarray", names.ToArray()), ("showticklabels", showLabels), ("automargin", true),
        ("title", LayoutSettings.Title(showLabels ? title : string.Empty)));
}
