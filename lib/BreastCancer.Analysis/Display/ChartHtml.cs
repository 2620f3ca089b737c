using Plotly.NET;

namespace BreastCancer.Analysis.Display;

/// <summary>
/// The HTML of a Plotly.NET chart as a notebook output: the chart's <c>div</c> and the script that draws it.
/// In VS Code the notebook page has no plotly.js, so the first chart of a session brings the copy Plotly.NET ships
/// (never a CDN); under the workbook runner the exported page embeds plotly.js once and charts leave it out.
/// </summary>
public static class ChartHtml
{
    /// <summary>The AppContext switch the workbook runner sets when its pages embed plotly.js themselves.</summary>
    public const string PageProvidesPlotlyJsSwitch = "Workbook.PageProvidesPlotlyJs";

    private static int _plotlyJsSent;

    /// <summary>The chart as HTML, preceded by plotly.js when this session has not sent it yet and the page does not provide it.</summary>
    public static string Render(GenericChart chart)
    {
        var html = GenericChart.toChartHTML(chart);
        var pageProvides = AppContext.TryGetSwitch(PageProvidesPlotlyJsSwitch, out var enabled) && enabled;
        if (pageProvides || Interlocked.Exchange(ref _plotlyJsSent, 1) == 1)
        {
            return html;
        }

        return $"<script type=\"text/javascript\">{PlotlyJs()}</script>\n{html}";
    }

    /// <summary>Forgets that plotly.js was sent, as a restarted kernel would (for tests).</summary>
    internal static void ForgetPlotlyJsSent() => Interlocked.Exchange(ref _plotlyJsSent, 0);

    private static string PlotlyJs() => PlotlyBundle.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
