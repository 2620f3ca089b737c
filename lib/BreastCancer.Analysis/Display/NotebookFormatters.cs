using BreastCancer.Analysis.Data;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace BreastCancer.Analysis.Display;

/// <summary>
/// Registers the workbook's <c>text/html</c> formatters with Microsoft.DotNet.Interactive.Formatting, the library both
/// the .NET Interactive kernel (VS Code) and the workbook runner format outputs with: Plotly.NET charts, DataFrames and
/// the library's result records. Each notebook's setup cell calls <see cref="Register"/> once.
/// </summary>
public static class NotebookFormatters
{
    /// <summary>Registers every formatter; calling it again is harmless (a later registration replaces an earlier one).</summary>
    public static void Register()
    {
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Render(chart)), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>((frame, writer) => writer.Write(DataFrameHtml.Render(frame)), HtmlFormatter.MimeType);
        Formatter.Register<DatasetOverview>((overview, writer) => writer.Write(DatasetOverviewHtml.Render(overview)), HtmlFormatter.MimeType);
    }
}
