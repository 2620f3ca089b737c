using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Display;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;

namespace BreastCancer.Analysis.Tests.Display;

[Collection(ChartState.Name)]
public sealed class NotebookFormattersTests
{
    [Fact]
    public void Registered_formatters_give_charts_frames_and_records_their_html()
    {
        var overview = new DatasetOverview("d.csv", 3, 2, [new ClassCount("B", 2, 2.0 / 3), new ClassCount("M", 1, 1.0 / 3)]);
        var frame = new DataFrame(new DoubleDataFrameColumn("x", [1.5]));
        Formatter.ResetToDefault();
        var before = frame.ToDisplayString(HtmlFormatter.MimeType);

        NotebookFormatters.Register();

        Assert.DoesNotContain("bc-dataframe", before, StringComparison.Ordinal);
        Assert.Contains("<div class=\"bc-dataframe\">", frame.ToDisplayString(HtmlFormatter.MimeType), StringComparison.Ordinal);
        Assert.Contains("<td>M</td><td>1</td><td>33.3 %</td>", overview.ToDisplayString(HtmlFormatter.MimeType), StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(", ClassBalanceChart.Create(overview).ToDisplayString(HtmlFormatter.MimeType), StringComparison.Ordinal);
        Formatter.ResetToDefault();
    }
}
