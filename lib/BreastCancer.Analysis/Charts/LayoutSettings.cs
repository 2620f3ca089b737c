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

    /// <summary>A legend laid out in rows under the plot, so that long names do not squeeze it; its top at <paramref name="y"/> (a share of the plot's height, below 0 under the plot).</summary>
    public static DynamicObj.DynamicObj LegendBelow(double y = -0.15) => Attributes(("orientation", "h"), ("yanchor", "top"), ("y", y));
}
