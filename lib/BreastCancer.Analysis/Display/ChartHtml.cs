using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using BreastCancer.Analysis.Charts;
using Giraffe.ViewEngine;
using Microsoft.FSharp.Collections;
using Plotly.NET;

namespace BreastCancer.Analysis.Display;

/// <summary>
/// The HTML of a Plotly.NET chart as a notebook output: the chart's <c>div</c> and the script that draws it.
/// A notebook page (VS Code, Jupyter, the runner's exports) has no plotly.js of its own, so the first chart of a
/// kernel session brings the copy Plotly.NET ships (never a CDN) and later charts use it. The bundle runs with
/// <c>define</c> hidden: its universal module loader registers it with require.js where the page has one (the classic
/// Jupyter Notebook) instead of setting <c>window.Plotly</c>, which Plotly.NET's chart scripts call. The chart's HTML is
/// Plotly.NET's own (<c>GenericChart.toChartHTML</c>'s template, <c>HTML.CreateChartHTML</c>) around the JSON that
/// <see cref="FigureJson"/> writes, since Plotly.NET's serialisation of a chart takes 100–300 ms.
/// </summary>
public static class ChartHtml
{
    /// <summary>
    /// Text in the chart's JSON as written, in any script (a minus sign stays "−", as Plotly.NET writes it), but the
    /// characters HTML gives a meaning to escaped, so that a label holding <c>&lt;/script&gt;</c> cannot end the script.
    /// </summary>
    private static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static int _plotlyJsSent;

    /// <summary>The chart as HTML, preceded by plotly.js when this session has not sent it yet.</summary>
    public static string Render(GenericChart chart)
    {
        var html = Html(chart);
        if (Interlocked.Exchange(ref _plotlyJsSent, 1) == 1)
        {
            return html;
        }

        return $"<script type=\"text/javascript\">(function () {{ var define; {PlotlyJs()}\n}})();</script>\n{html}";
    }

    /// <summary>The chart's <c>div</c> and script, as <c>GenericChart.toChartHTML</c> writes them.</summary>
    internal static string Html(GenericChart chart)
    {
        var nodes = HTML.CreateChartHTML(Json(GenericChart.getTraces(chart)), Json(GenericChart.getLayout(chart)), Json(GenericChart.getConfig(chart)),
            DisplayOptions.getPlotlyReference(GenericChart.getDisplayOptions(chart)));
        return RenderView.AsString.htmlNode(HtmlElements.tag("div", FSharpList<HtmlElements.XmlAttribute>.Empty, nodes));
    }

    private static string Json(object value) => FigureJson.Node(value)!.ToJsonString(Written);

    /// <summary>Forgets that plotly.js was sent, as a restarted kernel would (for tests).</summary>
    internal static void ForgetPlotlyJsSent() => Interlocked.Exchange(ref _plotlyJsSent, 0);

    private static string PlotlyJs() => PlotlyBundle.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
}
