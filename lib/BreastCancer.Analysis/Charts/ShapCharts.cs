using System.Globalization;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Explanation;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Charts of SHAP explanations (Lundberg &amp; Lee 2017; the plots of the shap package, Lundberg et al. 2020): global
/// importance, the beeswarm summary, dependence on one feature, one patient's waterfall, the SHAP ranking beside the permutation ranking. Axis
/// titles name the output space the values add up on.
/// </summary>
public static class ShapCharts
{
    private static readonly double[] EndTicks = [0.0, 1.0];

    private static readonly string[] EndLabels = ["low", "high"];

    /// <summary>Horizontal bars of each feature's mean |SHAP value| over the rows, the <paramref name="top"/> largest, largest at the top.</summary>
    /// <exception cref="ArgumentException">The explanation is empty or malformed, or <paramref name="top"/> is below 1.</exception>
    public static GenericChart GlobalImportance(ShapExplanation shap, int top = 15)
    {
        ShapChartInput.Validate(shap, nameof(shap));
        ShapChartInput.RequirePositive(top, nameof(top));
        var features = ShapChartInput.Top(shap, top);
        var importance = shap.MeanAbsolute();
        var names = features.Select(f => shap.FeatureNames[f]).ToArray();
        var bars = Chart.Bar<double, string, string>(values: features.Select(f => importance[f]).ToArray(), Keys: names, Name: "mean |SHAP value|",
            MarkerColor: Color.fromHex(ChartColors.MarkHex), MultiText: features.Select(f => Format(importance[f], "G3")).ToArray());
        return LayoutSettings.With(bars
                .WithXAxisStyle<double, double, string>(TitleText: $"mean |SHAP value| ({ShapChartInput.Units(shap.OutputSpace)})")
                .WithSize(800, 150 + 26 * names.Length),
            ("yaxis", PermutationImportanceChart.RankedAxis(names, showLabels: true)), ("title", LayoutSettings.Attributes(("text", shap.Method))));
    }

    /// <summary>
    /// The summary plot: one row per feature of the <paramref name="top"/> by mean |SHAP|, largest at the top, a point per
    /// explained row at its SHAP value, coloured by the feature's value scaled to 0–1 within the feature (its minimum in the
    /// benign colour, its maximum in the malignant colour; a constant feature 0.5; a missing value grey). Points pile up vertically where SHAP values are
    /// dense, as shap lays them out: the values are cut into 100 bins and the points of a bin alternate above and below
    /// the row, in row order, so the same explanation always gives the same chart.
    /// </summary>
    /// <exception cref="ArgumentException">The explanation is empty or malformed, or <paramref name="top"/> is below 1.</exception>
    public static GenericChart Beeswarm(ShapExplanation shap, int top = 15)
    {
        ShapChartInput.Validate(shap, nameof(shap));
        ShapChartInput.RequirePositive(top, nameof(top));
        var features = ShapChartInput.Top(shap, top);
        var rows = Enumerable.Range(0, shap.Values.Count).ToArray();
        var (x, y, colour, text) = (new List<double>(), new List<double>(), new List<double>(), new List<string>());
        var (missingX, missingY, missingText) = (new List<double>(), new List<double>(), new List<string>());
        for (var k = 0; k < features.Length; k++)
        {
            var f = features[k];
            var values = rows.Select(r => shap.Values[r][f]).ToArray();
            var offsets = BeeswarmLayout.Offsets(values);
            var scaled = BeeswarmLayout.Scaled(rows.Select(r => shap.FeatureValues[r][f]).ToArray());
            foreach (var r in rows)
            {
                var label = $"{shap.FeatureNames[f]} = {Format(shap.FeatureValues[r][f], "G4")}<br>SHAP {Format(values[r], "+0.000;−0.000;0.000")} (row {r})";
                var missing = double.IsNaN(scaled[r]);
                (missing ? missingX : x).Add(values[r]);
                (missing ? missingY : y).Add(k + offsets[r]);
                (missing ? missingText : text).Add(label);
                if (!missing)
                {
                    colour.Add(scaled[r]);
                }
            }
        }

        var points = Points(x, y, text, "rows", LayoutSettings.Attributes(("color", colour.ToArray()), ("colorscale", Scale()), ("cmin", 0.0), ("cmax", 1.0),
            ("size", 5), ("opacity", 0.85), ("showscale", true), ("colorbar", LayoutSettings.Attributes(("title", LayoutSettings.Attributes(("text", "feature value"), ("side", "right"))),
                ("tickvals", EndTicks), ("ticktext", EndLabels), ("thickness", 14), ("len", 0.8)))));
        GenericChart[] traces = missingX.Count == 0 ? [points] : [points, Points(missingX, missingY, missingText, "missing value", LayoutSettings.Attributes(("color", ChartColors.MissingHex), ("size", 5)))];
        var names = features.Select(f => shap.FeatureNames[f]).ToArray();
        return LayoutSettings.With(Chart.Combine(traces)
                .WithXAxisStyle<double, double, string>(TitleText: $"SHAP value ({ShapChartInput.Units(shap.OutputSpace)})")
                .WithSize(860, 150 + 36 * names.Length),
            ("yaxis", LayoutSettings.Attributes(("tickmode", "array"), ("tickvals", Enumerable.Range(0, names.Length).Select(k => (double)k).ToArray()), ("ticktext", names),
                ("range", new[] { names.Length - 0.5, -0.5 }), ("zeroline", false), ("showgrid", false), ("automargin", true), ("title", LayoutSettings.Title("feature")))),
            ("shapes", new object[] { LayoutSettings.Shape("line", 0, 0, 0, 1, ChartColors.ReferenceHex, 1, "x", "paper") }),
            ("title", LayoutSettings.Attributes(("text", shap.Method))),
            ("legend", LayoutSettings.LegendBelow(-0.12)));
    }

    /// <summary>
    /// Dependence on <paramref name="feature"/>: a point per row at the feature's value (in the data's units) and its SHAP
    /// value, coloured by the value of <paramref name="interaction"/>. Without an interaction the feature that best explains
    /// the vertical spread at a given value is chosen (<see cref="ShapInteraction"/>, shap's approximate_interactions rule)
    /// and the colour bar says so. Rows missing the feature's value are left out; rows missing the interaction's are grey.
    /// </summary>
    /// <exception cref="ArgumentException">The explanation is empty or malformed, or a name is not one of its features.</exception>
    public static GenericChart Dependence(ShapExplanation shap, string feature, string? interaction = null)
    {
        ShapChartInput.Validate(shap, nameof(shap));
        var f = ShapChartInput.IndexOf(shap, feature, nameof(feature));
        var by = interaction is null ? ShapInteraction.Strongest(shap, f) : ShapChartInput.IndexOf(shap, interaction, nameof(interaction));
        var rows = Enumerable.Range(0, shap.Values.Count).Where(r => !double.IsNaN(shap.FeatureValues[r][f])).ToArray();
        string Label(int r) => $"{feature} = {Format(shap.FeatureValues[r][f], "G4")}<br>SHAP {Format(shap.Values[r][f], "+0.000;−0.000;0.000")}"
            + (by is int b ? $"<br>{shap.FeatureNames[b]} = {Format(shap.FeatureValues[r][b], "G4")}" : "") + $" (row {r})";
        GenericChart Trace(IEnumerable<int> selected, string name, DynamicObj.DynamicObj marker)
        {
            var chosen = selected.ToArray();
            return Points(chosen.Select(r => shap.FeatureValues[r][f]).ToList(), chosen.Select(r => shap.Values[r][f]).ToList(), chosen.Select(Label).ToList(), name, marker);
        }

        GenericChart[] traces;
        if (by is int i)
        {
            var title = shap.FeatureNames[i] + (interaction is null ? "<br>(chosen: strongest<br>interaction)" : "");
            var known = rows.Where(r => !double.IsNaN(shap.FeatureValues[r][i])).ToArray();
            var coloured = Trace(known, "rows", LayoutSettings.Attributes(("color", known.Select(r => shap.FeatureValues[r][i]).ToArray()), ("colorscale", Scale()),
                ("size", 6), ("opacity", 0.85), ("showscale", true), ("colorbar", LayoutSettings.Attributes(("title", LayoutSettings.Attributes(("text", title))), ("thickness", 14)))));
            var unknown = rows.Where(r => double.IsNaN(shap.FeatureValues[r][i])).ToArray();
            traces = unknown.Length == 0 ? [coloured] : [coloured, Trace(unknown, $"{shap.FeatureNames[i]} missing", LayoutSettings.Attributes(("color", ChartColors.MissingHex), ("size", 6)))];
        }
        else
        {
            traces = [Trace(rows, "rows", LayoutSettings.Attributes(("color", ChartColors.MarkHex), ("size", 6)))];
        }

        return LayoutSettings.With(Chart.Combine(traces)
                .WithXAxisStyle<double, double, string>(TitleText: $"{feature} (data units)")
                .WithYAxisStyle<double, double, string>(TitleText: $"SHAP value for {feature} ({ShapChartInput.Units(shap.OutputSpace)})")
                .WithSize(760, 500),
            ("legend", LayoutSettings.LegendBelow(-0.2)));
    }

    /// <summary>
    /// One patient's explanation as a waterfall read bottom to top: from the base value E[f(x)] a bar for each of the
    /// <paramref name="top"/> features with the largest |SHAP value| (labelled "name = value"), the smallest first, after one
    /// bar for the sum of all other features, ending at the model's output f(x) = E[f(x)] + Σφ. Bars that raise the output
    /// (towards malignant) take the malignant colour, bars that lower it the benign colour (<see cref="ClassColors"/>). On log-odds the title and the marks at both ends also give the probability.
    /// </summary>
    /// <exception cref="ArgumentException">The explanation is empty or malformed, <paramref name="row"/> is not one of its rows, or <paramref name="top"/> is below 1.</exception>
    public static GenericChart Waterfall(ShapExplanation shap, int row, int top = 10)
    {
        ShapChartInput.Validate(shap, nameof(shap));
        ShapChartInput.RequirePositive(top, nameof(top));
        if (row < 0 || row >= shap.Values.Count)
        {
            throw new ArgumentException($"row {row} is not one of the explanation's rows 0–{shap.Values.Count - 1}", nameof(row));
        }

        var phi = shap.Values[row];
        var ranked = Enumerable.Range(0, phi.Length).OrderByDescending(f => Math.Abs(phi[f])).ToArray();
        var shown = ranked.Take(top).Reverse().ToArray();
        var rest = ranked.Skip(top).ToArray();
        var labels = shown.Select(f => $"{shap.FeatureNames[f]} = {Format(shap.FeatureValues[row][f], "G4")}").ToList();
        var values = shown.Select(f => phi[f]).ToList();
        if (rest.Length > 0)
        {
            labels.Insert(0, $"{rest.Length} other feature{(rest.Length == 1 ? "" : "s")}");
            values.Insert(0, rest.Sum(f => phi[f]));
        }

        var (start, end) = (shap.BaseValue, shap.Output(row));
        var waterfall = Chart.Waterfall<double, string, string>(values, labels, Name: $"row {row}", ShowLegend: false, Base: start,
            Orientation: StyleParam.Orientation.Horizontal,
            MultiText: values.Select(v => Format(v, "+0.000;−0.000;0.000")).ToArray());
        foreach (var trace in GenericChart.getTraces(waterfall))
        {
            trace.SetProperty("measure", values.Select(_ => "relative").ToArray());
            trace.SetProperty("increasing", LayoutSettings.Attributes(("marker", LayoutSettings.Attributes(("color", ClassColors.MalignantHex)))));
            trace.SetProperty("decreasing", LayoutSettings.Attributes(("marker", LayoutSettings.Attributes(("color", ClassColors.BenignHex)))));
            trace.SetProperty("textposition", "outside");
            trace.SetProperty("connector", LayoutSettings.Attributes(("line", LayoutSettings.Attributes(("color", ChartColors.ConnectorHex), ("width", 1)))));
            trace.SetProperty("hovertemplate", "%{y}<br>SHAP %{text}<extra></extra>");
        }

        var units = ShapChartInput.Units(shap.OutputSpace);
        string Mark(string name, double value) => shap.OutputSpace == ShapOutputSpace.LogOdds
            ? $"{name} = {Format(value, "0.000;−0.000")} (p = {Format(ShapChartInput.Probability(value), "F3")})"
            : $"{name} = {Format(value, "0.000;−0.000")}";
        var title = shap.OutputSpace == ShapOutputSpace.LogOdds
            ? $"row {row}: probability of malignancy {Format(ShapChartInput.Probability(start), "P1")} on average → {Format(ShapChartInput.Probability(end), "P1")} for this patient"
            : $"row {row}: {units} {Format(start, "0.000;−0.000")} on average → {Format(end, "0.000;−0.000")} for this patient";
        return LayoutSettings.With(waterfall
                .WithXAxisStyle<double, double, string>(TitleText: $"model output f(x) ({units})")
                .WithSize(860, 200 + 32 * labels.Count),
            ("title", LayoutSettings.Attributes(("text", title))),
            ("yaxis", LayoutSettings.Attributes(("categoryorder", "array"), ("categoryarray", labels.ToArray()), ("automargin", true), ("title", LayoutSettings.Title("feature = this patient's value")))),
            ("shapes", new object[] { LayoutSettings.Shape("line", start, 0, start, 1, ChartColors.ReferenceHex, 1, "x", "paper", "dot"), LayoutSettings.Shape("line", end, 0, end, 1, ChartColors.InkHex, 1, "x", "paper", "dash") }),
            ("annotations", new object[]
            {
                LayoutSettings.Attributes(("x", start), ("y", 1), ("xref", "x"), ("yref", "paper"), ("yanchor", "bottom"), ("xanchor", end >= start ? "right" : "left"),
                    ("showarrow", false), ("text", Mark("E[f(x)]", start))),
                LayoutSettings.Attributes(("x", end), ("y", 1), ("xref", "x"), ("yref", "paper"), ("yanchor", "bottom"), ("xanchor", end >= start ? "left" : "right"),
                    ("showarrow", false), ("text", Mark("f(x)", end))),
            }));
    }

    /// <summary>
    /// The SHAP ranking beside the permutation ranking: left, mean |SHAP| of the <paramref name="top"/> features; right,
    /// the same features' mean permutation loss with its 95 % intervals over the rows and over the repeats
    /// (<see cref="PermutationImportanceChart"/>), with their rank among all permuted features on the right. Both panels list the features in the SHAP order, so a feature the two methods rank differently stands out.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The explanation is empty, <paramref name="top"/> is below 1, a permuted group holds more than one feature, or a charted
    /// feature has no group.
    /// </exception>
    public static GenericChart Rankings(ShapExplanation shap, PermutationImportanceResult permutation, int top = 15)
    {
        ShapChartInput.Validate(shap, nameof(shap));
        ArgumentNullException.ThrowIfNull(permutation);
        ShapChartInput.RequirePositive(top, nameof(top));
        if (permutation.Groups.FirstOrDefault(g => g.Group.Features.Count != 1) is { } cluster)
        {
            throw new ArgumentException(
                $"the permutation group '{cluster.Group.Name}' holds {cluster.Group.Features.Count} features; rankings compare single features (FeatureGroup.Singles)", nameof(permutation));
        }

        var ranked = permutation.Groups.OrderByDescending(g => g.Mean).ToList();
        var features = ShapChartInput.Top(shap, top);
        var names = features.Select(f => shap.FeatureNames[f]).ToArray();
        var groups = names.Select(name => ranked.FirstOrDefault(g => g.Group.Name == name)
            ?? throw new ArgumentException($"the permutation importance of {permutation.Model} has no group for '{name}'; its groups are {string.Join(", ", ranked.Select(g => g.Group.Name))}",
                nameof(permutation))).ToArray();
        var importance = shap.MeanAbsolute();
        var left = Chart.Bar<double, string, string>(values: features.Select(f => importance[f]).ToArray(), Keys: names, Name: "mean |SHAP value|", ShowLegend: false,
            MarkerColor: Color.fromHex(ChartColors.MarkHex));
        var right = PermutationImportanceChart.Bars(groups, names, permutation.Metric.Label());
        var grid = Chart.Grid([left, right], 1, 2, XGap: 0.06, SubPlotTitles: new[]
        {
            $"mean |SHAP value| ({ShapChartInput.Units(shap.OutputSpace)})",
            $"loss of {permutation.Metric.Label()} when permuted (95 % CIs), right: its rank",
        });
        return LayoutSettings.With(grid.WithSize(1000, 210 + 28 * names.Length), ("legend", LayoutSettings.LegendBelow(-0.12)),
            ("yaxis", PermutationImportanceChart.RankedAxis(names, showLabels: true)), ("yaxis2", LayoutSettings.Attributes(("autorange", "reversed"), ("categoryorder", "array"), ("categoryarray", names), ("side", "right"), ("tickmode", "array"),
                ("tickvals", names), ("ticktext", groups.Select(g => $"#{ranked.IndexOf(g) + 1}").ToArray()), ("automargin", true), ("title", LayoutSettings.Title("rank by permutation")))),
            ("xaxis", LayoutSettings.Attributes(("title", LayoutSettings.Title($"mean |SHAP value| ({ShapChartInput.Units(shap.OutputSpace)})")))),
            ("xaxis2", LayoutSettings.Attributes(("title", LayoutSettings.Title($"loss of {permutation.Metric.Label()}")))));
    }

    /// <summary>
    /// Mean |SHAP| of several explanations of the same features side by side (different models, or SHAP computed
    /// differently), each under its name in the legend, the <paramref name="top"/> features of the first explanation in
    /// its order. When the explanations are on different output spaces each is divided by its total, so each sums to 1
    /// and the bars compare shares.
    /// </summary>
    /// <exception cref="ArgumentException">No explanations, one empty or malformed, explanations of different features, or <paramref name="top"/> below 1.</exception>
    public static GenericChart Compare(IReadOnlyList<(string Name, ShapExplanation Explanation)> explanations, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(explanations);
        ShapChartInput.RequirePositive(top, nameof(top));
        if (explanations.Count == 0)
        {
            throw new ArgumentException("no explanations to compare", nameof(explanations));
        }

        var first = explanations[0].Explanation;
        foreach (var ((name, shap), i) in explanations.Select((e, i) => (e, i)))
        {
            ShapChartInput.Validate(shap, $"{nameof(explanations)}[{i}]");
            if (!shap.FeatureNames.SequenceEqual(first.FeatureNames))
            {
                throw new ArgumentException($"explanation {i} ({name}) explains [{string.Join(", ", shap.FeatureNames)}], explanation 0 [{string.Join(", ", first.FeatureNames)}]",
                    nameof(explanations));
            }
        }

        var shared = explanations.All(e => e.Explanation.OutputSpace == first.OutputSpace);
        var features = ShapChartInput.Top(first, top);
        var names = features.Select(f => first.FeatureNames[f]).ToArray();
        var bars = explanations.Select((e, i) =>
        {
            var importance = e.Explanation.MeanAbsolute();
            var total = importance.Sum();
            var scale = shared || total == 0 ? 1 : 1 / total;
            return Chart.Bar<double, string, string>(values: features.Select(f => scale * importance[f]).ToArray(), Keys: names, Name: e.Name, MarkerColor: ModelColors.Of(i + 1));
        });
        var axis = shared ? $"mean |SHAP value| ({ShapChartInput.Units(first.OutputSpace)})" : "share of the explanation's total mean |SHAP value| (each sums to 1)";
        return LayoutSettings.With(Chart.Combine(bars)
                .WithXAxisStyle<double, double, string>(TitleText: axis)
                .WithSize(860, 200 + (10 + 14 * explanations.Count) * names.Length),
            ("barmode", "group"), ("yaxis", PermutationImportanceChart.RankedAxis(names, showLabels: true)), ("legend", LayoutSettings.LegendBelow(-0.1)));
    }

    /// <summary>
    /// The feature-value scale, low to high from the benign to the malignant colour: as in shap, the colours of low and
    /// high values are those of pushes towards benign and towards malignant.
    /// </summary>
    internal static object[] Scale() => [new object[] { 0.0, ClassColors.BenignHex }, new object[] { 1.0, ClassColors.MalignantHex }];

    /// <summary>A number for a label, in the invariant culture.</summary>
    internal static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static GenericChart Points(List<double> x, List<double> y, List<string> text, string name, DynamicObj.DynamicObj marker)
    {
        var points = Chart.Point<double, double, string>(x, y, Name: name, MultiText: text);
        foreach (var trace in GenericChart.getTraces(points))
        {
            trace.SetProperty("marker", marker);
            trace.SetProperty("hovertemplate", "%{text}<extra></extra>");
        }

        return points;
    }
}
