using BreastCancer.Analysis.Display;
using Microsoft.Data.Analysis;

namespace BreastCancer.Analysis.Tests.Display;

public sealed class DataFrameHtmlTests
{
    [Fact]
    public void The_table_shows_names_types_first_rows_and_shape()
    {
        var frame = new DataFrame(
            new DoubleDataFrameColumn("area", Enumerable.Range(0, 12).Select(i => 1000.0 / 3 + i)),
            new StringDataFrameColumn("note", Enumerable.Range(0, 12).Select(i => i == 0 ? "<b>&" : $"n{i}")));

        var html = DataFrameHtml.Render(frame);

        Assert.Contains("<th>area<br><small>double</small></th><th>note<br><small>string</small></th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>0</th><td>333.333</td><td>&lt;b&gt;&amp;</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th>9</th>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<tr><th>10</th>", html, StringComparison.Ordinal);
        Assert.Contains("12 rows × 2 columns (first 10 shown)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_frame_is_shown_whole_and_missing_values_are_blank()
    {
        var frame = new DataFrame(new PrimitiveDataFrameColumn<int>("score", [1, null, 10]));

        var html = DataFrameHtml.Render(frame);

        Assert.Contains("<tr><th>1</th><td></td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("3 rows × 1 columns</small>", html, StringComparison.Ordinal);
        Assert.Contains("<small>int</small>", html, StringComparison.Ordinal);
    }
}
