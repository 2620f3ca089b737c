using System.Globalization;
using System.Net;
using System.Text;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Analysis.Display;

/// <summary>A <see cref="DatasetOverview"/> as an HTML table: shape, then rows and share per class.</summary>
public static class DatasetOverviewHtml
{
    /// <summary>The overview as HTML.</summary>
    public static string Render(DatasetOverview overview)
    {
        ArgumentNullException.ThrowIfNull(overview);
        var html = new StringBuilder("<div class=\"bc-overview\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<p><strong>{WebUtility.HtmlEncode(overview.Name)}</strong>: {overview.Rows} rows, {overview.Features} features</p>\n");
        html.Append("<table><thead><tr><th>class</th><th>rows</th><th>share</th></tr></thead><tbody>\n");
        foreach (var count in overview.ClassCounts)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{WebUtility.HtmlEncode(count.Label)}</td><td>{count.Count}</td><td>{count.Fraction:P1}</td></tr>\n");
        }

        return html.Append("</tbody></table></div>").ToString();
    }
}
