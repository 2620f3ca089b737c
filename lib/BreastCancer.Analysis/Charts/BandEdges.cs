using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// The two edges of a shaded band around a line: invisible lines with no legend entry and no hover, the lower one
/// filled up to the upper (plotly.js <c>fill: "tonexty"</c>, so the upper must be added first), in a model's colour
/// made translucent.
/// </summary>
internal static class BandEdges
{
    /// <summary>The upper edge, then the lower edge filled up to it.</summary>
    public static GenericChart[] Of<TX>(TX[] x, double[] low, double[] high, (string Upper, string Lower) names, int colour, double opacity)
        where TX : IConvertible
    {
        var upper = Chart.Line<TX, double, string>(x, high, ShowLegend: false, Name: names.Upper, LineColor: ModelColors.Of(colour));
        var lower = Chart.Line<TX, double, string>(x, low, ShowLegend: false, Name: names.Lower, LineColor: ModelColors.Of(colour));
        foreach (var trace in GenericChart.getTraces(upper).Concat(GenericChart.getTraces(lower)))
        {
            trace.SetProperty("hoverinfo", "skip");
            trace.SetProperty("line", LayoutSettings.Attributes(("width", 0)));
        }

        foreach (var trace in GenericChart.getTraces(lower))
        {
            trace.SetProperty("fill", "tonexty");
            trace.SetProperty("fillcolor", ModelColors.Translucent(colour, opacity));
        }

        return [upper, lower];
    }
}
