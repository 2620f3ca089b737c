using BreastCancer.Analysis.Charts;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
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

    [Fact]
    public void Tuned_settings_show_each_family_its_setting_metric_score_and_count()
    {
        var settings = new TunedSettings([new TunedSetting("RBF SVM, uncalibrated", Metric.RocAuc, 0.99771805, 42, new Dictionary<string, double> { ["C"] = 10, ["gamma"] = 0.01 })]);
        NotebookFormatters.Register();

        var html = settings.ToDisplayString(HtmlFormatter.MimeType);

        Assert.Contains("<td>RBF SVM, uncalibrated</td><td>C = 10, gamma = 0.01</td><td>ROC AUC</td><td>0.9977</td><td>42</td>", html, StringComparison.Ordinal);
        Formatter.ResetToDefault();
    }
}
