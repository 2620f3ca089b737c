using BreastCancer.Analysis.Display;
using Plotly.NET;

namespace BreastCancer.Analysis.Tests.Display;

[CollectionDefinition(Name, DisableParallelization = true)]
public static class ChartState
{
    public const string Name = "charts (process-wide display state)";
}

[Collection(ChartState.Name)]
public sealed class ChartHtmlTests
{
    private static readonly double[] X = [1.0];
    private static readonly double[] Y = [2.0];

    private static GenericChart Chart() => Plotly.NET.CSharp.Chart.Point<double, double, string>(X, Y);

    [Fact]
    public void In_a_kernel_session_plotly_js_comes_with_the_first_chart_only()
    {
        ChartHtml.ForgetPlotlyJsSent();

        var first = ChartHtml.Render(Chart());
        var second = ChartHtml.Render(Chart());

        Assert.StartsWith("<script type=\"text/javascript\">(function () { var define; /**\n* plotly.js v2.28.0", first, StringComparison.Ordinal);
        Assert.Contains("\n})();</script>\n<div", first, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", first[..first.IndexOf("<div", StringComparison.Ordinal)][..^10], StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v", second, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(", second, StringComparison.Ordinal);
    }
}
