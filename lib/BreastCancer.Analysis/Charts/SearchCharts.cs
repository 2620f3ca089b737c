using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Tuning;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Charts of hyperparameter searches: the score over a two-parameter grid, and the score against one parameter.</summary>
public static class SearchCharts
{
    /// <summary>
    /// A heatmap of the mean cross-validated score over the grid of <paramref name="x"/> × <paramref name="y"/> (each
    /// axis in the order of its values, labelled by value, so that a log-spaced grid reads evenly), the best cell ringed.
    /// </summary>
    /// <exception cref="ArgumentException">The search does not vary exactly these two parameters over a full grid.</exception>
    public static GenericChart Heatmap(SearchResult search, string x, string y)
    {
        ArgumentNullException.ThrowIfNull(search);
        var xs = search.Fits.Select(f => f.Parameters[x]).Distinct().Order().ToArray();
        var ys = search.Fits.Select(f => f.Parameters[y]).Distinct().Order().ToArray();
        if (xs.Length * ys.Length != search.Fits.Count)
        {
            throw new ArgumentException($"the search has {search.Fits.Count} settings, not the {xs.Length} × {ys.Length} grid of {x} and {y}", nameof(search));
        }

        var z = ys.Select(yv => xs.Select(xv => search.Fits.Single(f => f.Parameters[x] == xv && f.Parameters[y] == yv).Mean).ToArray()).ToArray();
        var (xLabels, yLabels) = (xs.Select(Label).ToArray(), ys.Select(Label).ToArray());
        var heatmap = Chart.Heatmap<double, string, string, string>(zData: z, X: xLabels, Y: yLabels, Name: search.Metric.ToString());
        foreach (var trace in GenericChart.getTraces(heatmap))
        {
            trace.SetProperty("colorscale", "Viridis");
            trace.SetProperty("texttemplate", "%{z:.4f}");
            trace.SetProperty("hovertemplate", $"{x} = %{{x}}<br>{y} = %{{y}}<br>mean score %{{z:.4f}}<extra></extra>");
            trace.SetProperty("colorbar", LayoutSettings.Attributes(("title", LayoutSettings.Title($"mean {search.Metric.Label()}"))));
        }

        var best = search.Best;
        var marker = Chart.Point<string, string, string>([Label(best.Parameters[x])], [Label(best.Parameters[y])], Name: "best");
        foreach (var trace in GenericChart.getTraces(marker))
        {
            trace.SetProperty("marker", LayoutSettings.Attributes(("size", 28), ("line", LayoutSettings.Attributes(("width", 3), ("color", ChartColors.HighlightHex))),
                ("color", ChartColors.HighlightHex), ("symbol", "circle-open")));
        }

        return Chart.Combine([heatmap, marker])
            .WithXAxisStyle<string, string, string>(TitleText: x)
            .WithYAxisStyle<string, string, string>(TitleText: y)
            .WithSize(140 + 90 * xs.Length, 160 + 60 * ys.Length);
    }

    /// <summary>The mean score (± 1 SD over folds, as error bars) of every setting against <paramref name="parameter"/>, on a log axis when <paramref name="logAxis"/>.</summary>
    public static GenericChart ScoreAgainst(SearchResult search, string parameter, bool logAxis = false)
    {
        ArgumentNullException.ThrowIfNull(search);
        var points = Chart.Point<double, double, string>(search.Fits.Select(f => f.Parameters[parameter]).ToArray(), search.Fits.Select(f => f.Mean).ToArray(),
            Name: "settings", MarkerColor: Color.fromHex(ChartColors.MarkHex));
        foreach (var trace in GenericChart.getTraces(points))
        {
            trace.SetProperty("error_y", LayoutSettings.Attributes(("type", "data"), ("array", search.Fits.Select(f => f.Sd).ToArray()), ("color", ChartColors.LightMarkHex)));
        }

        return points
            .WithXAxisStyle<double, double, string>(TitleText: parameter, AxisType: logAxis ? StyleParam.AxisType.Log : StyleParam.AxisType.Linear)
            .WithYAxisStyle<double, double, string>(TitleText: $"mean cross-validated {search.Metric.Label()}")
            .WithSize(720, 460);
    }

    /// <summary>
    /// For each model, models top to bottom: the best setting's mean score from a search on all the rows (non-nested:
    /// chosen because it scored highest on those very folds) beside the nested cross-validated estimate of the same
    /// metric with its 95 % interval, which no choice has seen. The gap is the optimism of reporting a search's best score.
    /// </summary>
    /// <exception cref="ArgumentException">A search and its nested estimate optimise different metrics.</exception>
    public static GenericChart NestedAgainstNonNested(IReadOnlyList<(SearchResult Search, NestedCrossValidationResult Nested)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("no models to chart", nameof(models));
        }

        if (models.FirstOrDefault(m => m.Search.Metric != m.Nested.Metric || m.Search.Metric != models[0].Search.Metric) is { Search: not null } mismatch)
        {
            throw new ArgumentException($"{mismatch.Search.Model}: the search optimises {mismatch.Search.Metric} and its nested estimate {mismatch.Nested.Metric}; chart one metric", nameof(models));
        }

        var metric = models[0].Search.Metric;
        var names = models.Select(m => ChartLabels.Short(m.Search.Model)).ToArray();
        var outer = models.Select(m => m.Nested.Outer(metric)).ToArray();
        var nonNested = Chart.Point<double, string, string>(models.Select(m => m.Search.Best.Mean).ToArray(), names, Name: "non-nested: best setting's mean CV score",
            MarkerColor: Color.fromHex(ChartColors.HighlightHex), MarkerSymbol: StyleParam.MarkerSymbol.Diamond);
        var nested = Chart.Point<double, string, string>(outer.Select(o => o.Mean).ToArray(), names, Name: "nested CV (95 % CI)", MarkerColor: Color.fromHex(ChartColors.MarkHex));
        foreach (var trace in GenericChart.getTraces(nested))
        {
            trace.SetProperty("error_x", LayoutSettings.Attributes(("type", "data"), ("symmetric", false), ("array", outer.Select(o => o.High - o.Mean).ToArray()),
                ("arrayminus", outer.Select(o => o.Mean - o.Low).ToArray()), ("color", ChartColors.MarkHex)));
        }

        return LayoutSettings.With(Chart.Combine([nested, nonNested])
                .WithXAxisStyle<double, double, string>(TitleText: $"{metric.Label()} ({(metric.HigherIsBetter() ? "higher" : "lower")} is better)")
                .WithSize(760, 300 + 50 * names.Length),
            ("yaxis", LayoutSettings.Attributes(("autorange", "reversed"), ("categoryorder", "array"), ("categoryarray", names), ("title", LayoutSettings.Title("model")))),
            ("legend", LayoutSettings.LegendBelow(-0.4)), ("margin", LayoutSettings.Attributes(("l", 200))));
    }

    private static string Label(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
