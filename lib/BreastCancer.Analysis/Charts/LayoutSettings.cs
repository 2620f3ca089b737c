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

    /// <summary>A plotly.js shape as a dynamic object: a rectangle or line in the given axis references.</summary>
    public static DynamicObj.DynamicObj Shape(string type, double x0, double y0, double x1, double y1, string colour, double width, string xref = "x", string yref = "y", string dash = "solid")
    {
        var shape = new DynamicObj.DynamicObj();
        var line = new DynamicObj.DynamicObj();
        line.SetProperty("color", colour);
        line.SetProperty("width", width);
        line.SetProperty("dash", dash);
        foreach (var (name, value) in new (string, object)[] { ("type", type), ("x0", x0), ("y0", y0), ("x1", x1), ("y1", y1), ("xref", xref), ("yref", yref), ("line", line) })
        {
            shape.SetProperty(name, value);
        }

        return shape;
    }
}
