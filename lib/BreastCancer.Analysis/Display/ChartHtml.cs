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
/// A notebook page (VS Code, Jupyter, the runner's exports) has no plotly.js of its own: the study's notebooks show
/// <see cref="PlotlyScript"/>, the copy Plotly.NET ships (never a CDN), in their setup cell's output, and a session
/// that has not shown it gets it with its first chart; later charts use it. The bundle runs with <c>define</c> hidden:
/// its universal module loader registers it with require.js where the page has one (the classic Jupyter Notebook)
/// instead of setting <c>window.Plotly</c>, which Plotly.NET's chart scripts call. The chart's HTML is
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

    /// <summary>The chart as HTML, preceded by plotly.js (<see cref="PlotlyScript"/>) when this session has not shown it yet.</summary>
    public static string Render(GenericChart chart)
    {
        var html = Html(chart);
        return Interlocked.Exchange(ref _plotlyJsSent, 1) == 1 ? html : $"{Script()}\n{html}";
    }

    /// <summary>
    /// The script that puts plotly.js on the page (where the page has none yet), for a notebook's setup cell to show
    /// before any chart. Charts drawn after it in this session bring no copy of their own, so no chart cell's output
    /// holds the page's only copy: running a chart cell again, which replaces its output, leaves the saved notebook's
    /// charts drawable when it is opened again.
    /// </summary>
    public static string PlotlyScript()
    {
        Interlocked.Exchange(ref _plotlyJsSent, 1);
        return Script();
    }

    /// <summary>The chart's <c>div</c> and script, as <c>GenericChart.toChartHTML</c> writes them.</summary>
    internal static string Html(GenericChart chart)
    {
        var nodes = HTML.CreateChartHTML(Json(GenericChart.getTraces(chart)), Json(GenericChart.getLayout(chart)), Json(GenericChart.getConfig(chart)),
            DisplayOptions.getPlotlyReference(GenericChart.getDisplayOptions(chart)));
        return RenderView.AsString.htmlNode(HtmlElements.tag("div", FSharpList<HtmlElements.XmlAttribute>.Empty, nodes));
    }

    private static string Json(object value) => FigureJson.Node(value)!.ToJsonString(Written);

    /// <summary>Forgets that plotly.js was shown, as a restarted kernel would (for tests).</summary>
    internal static void ForgetPlotlyJsSent() => Interlocked.Exchange(ref _plotlyJsSent, 0);

    private static string Script() =>
        $"<script type=\"text/javascript\">(function () {{ if (window.Plotly) {{ return; }} var define; {PlotlyBundle.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}\n}})();</script>";
}
