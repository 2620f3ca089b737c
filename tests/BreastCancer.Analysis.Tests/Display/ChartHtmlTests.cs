using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Charts;
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
    private static readonly string[] Labels = ["−0.50", "</script><b>é</b>"];

    private static GenericChart Chart() => Plotly.NET.CSharp.Chart.Point<double, double, string>(X, Y);

    [Fact]
    public void In_a_kernel_session_plotly_js_comes_with_the_first_chart_only()
    {
        ChartHtml.ForgetPlotlyJsSent();

        var first = ChartHtml.Render(Chart());
        var second = ChartHtml.Render(Chart());

        Assert.StartsWith("<script type=\"text/javascript\">(function () { if (window.Plotly) { return; } var define; /**\n* plotly.js v2.28.0", first, StringComparison.Ordinal);
        Assert.Contains("\n})();</script>\n<div", first, StringComparison.Ordinal);
        Assert.DoesNotContain("</script", first[..first.IndexOf("<div", StringComparison.Ordinal)][..^10], StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v", second, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Once_the_setup_has_shown_plotly_js_no_chart_brings_a_copy_and_the_setup_shows_it_each_time_it_runs()
    {
        ChartHtml.ForgetPlotlyJsSent();

        var setup = ChartHtml.PlotlyScript();
        var chart = ChartHtml.Render(Chart());
        var setupAgain = ChartHtml.PlotlyScript();
        ChartHtml.ForgetPlotlyJsSent();
        var firstWithoutSetup = ChartHtml.Render(Chart());

        Assert.StartsWith("<script type=\"text/javascript\">(function () { if (window.Plotly) { return; } var define; /**\n* plotly.js v2.28.0", setup, StringComparison.Ordinal);
        Assert.EndsWith("\n})();</script>", setup, StringComparison.Ordinal);
        Assert.Equal(setup, setupAgain);
        Assert.StartsWith("<div", chart, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly.js v", chart, StringComparison.Ordinal);
        Assert.StartsWith(setup + "\n<div", firstWithoutSetup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_charts_html_is_plotly_nets_own_but_for_its_id_and_the_way_its_json_is_written()
    {
        var chart = CorrelationHeatmapChart.Create(BreastCancer.Analysis.Exploration.CorrelationMatrix.FromColumns(["a", "b", "c"],
            [[1.0, 2.0, 4.0, 3.0], [2.0, 1.0, 3.0, 5.0], [0.5, 0.1, 0.9, 0.2]], BreastCancer.Analysis.Exploration.CorrelationMethod.Pearson));

        var (ours, theirs) = (Parts(ChartHtml.Html(chart)), Parts(GenericChart.toChartHTML(chart)));

        Assert.Equal(theirs.Template, ours.Template);
        Assert.Equal(3, ours.Json.Count);
        Assert.All(ours.Json.Zip(theirs.Json), pair => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(pair.First), JsonNode.Parse(pair.Second)), pair.First));
    }

    [Fact]
    public void Text_in_a_chart_is_written_as_it_is_but_for_what_would_end_its_script()
    {
        var chart = Chart();
        foreach (var trace in GenericChart.getTraces(chart))
        {
            trace.SetProperty("text", Labels);
        }

        var html = ChartHtml.Html(chart);

        Assert.Contains("\"text\":[\"−0.50\",\"\\u003C/script\\u003E\\u003Cb\\u003Eé\\u003C/b\\u003E\"]", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "</script>"));
    }

    /// <summary>The HTML with its ids and the JSON of its <c>data</c>, <c>layout</c> and <c>config</c> cut out, and that JSON.</summary>
    private static (string Template, IReadOnlyList<string> Json) Parts(string html)
    {
        var json = new List<string>();
        var template = Regex.Replace(html, @"var (data|layout|config) = (.*);\n", m =>
        {
            json.Add(m.Groups[2].Value);
            return $"var {m.Groups[1].Value} = …;\n";
        });
        return (Regex.Replace(template, "[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}", "ID"), json);
    }
}
