using Plotly.NET;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Sets plotly.js layout and trace attributes that Plotly.NET.CSharp has no parameter for (bar mode, shapes, a
/// diverging colour scale's midpoint), through Plotly.NET's dynamic objects, on a chart's own layout or traces.
/// </summary>
internal static class LayoutSettings
{
    /// <summary>The chart with the given layout attributes added (plotly.js names, e.g. <c>barmode</c>).</summary>
    public static GenericChart With(GenericChart chart, params (string Name, object Value)[] attributes)
    {
        var layout = new Layout();
        foreach (var (name, value) in attributes)
        {
            layout.SetProperty(name, value);
        }

        return GenericChart.addLayout(layout, chart);
    }

    /// <summary>A plotly.js attribute object (a shape, error bars, a legend, a marker style) with the given attributes.</summary>
    public static DynamicObj.DynamicObj Attributes(params (string Name, object Value)[] attributes)
    {
        var result = new DynamicObj.DynamicObj();
        foreach (var (name, value) in attributes)
        {
            result.SetProperty(name, value);
        }

        return result;
    }

    /// <summary>A plotly.js shape as a dynamic object: a rectangle or line in the given axis references.</summary>
    public static DynamicObj.DynamicObj Shape(string type, double x0, double y0, double x1, double y1, string colour, double width, string xref = "x", string yref = "y", string dash = "solid") =>
        Attributes(("type", type), ("x0", x0), ("y0", y0), ("x1", x1), ("y1", y1), ("xref", xref), ("yref", yref),
            ("line", Attributes(("color", colour), ("width", width), ("dash", dash))));

    /// <summary>A plotly.js axis or colour-bar title.</summary>
    public static DynamicObj.DynamicObj Title(string text) => Attributes(("text", text));

    /// <summary>
    /// The chart with a title on each of its first <paramref name="panels"/> x and y axes (plotly.js's <c>xaxis</c>,
    /// <c>xaxis2</c>, …: a grid's panels, in order); a null title leaves that axis as it is.
    /// </summary>
    public static GenericChart AxisTitles(GenericChart chart, int panels, Func<int, string?> x, Func<int, string?> y)
    {
        var attributes = new List<(string, object)>();
        for (var p = 1; p <= panels; p++)
        {
            var suffix = p == 1 ? "" : p.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (x(p - 1) is { } xTitle)
            {
                attributes.Add(($"xaxis{suffix}", Attributes(("title", Title(xTitle)))));
            }

            if (y(p - 1) is { } yTitle)
            {
                attributes.Add(($"yaxis{suffix}", Attributes(("title", Title(yTitle)))));
            }
        }

        return With(chart, [.. attributes]);
    }

    /// <summary>A legend laid out in rows under the plot, so that long names do not squeeze it; its top at <paramref name="y"/> (a share of the plot's height, below 0 under the plot).</summary>
    public static DynamicObj.DynamicObj LegendBelow(double y = -0.15) => Attributes(("orientation", "h"), ("yanchor", "top"), ("y", y));
}
