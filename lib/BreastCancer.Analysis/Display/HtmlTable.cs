using System.Net;
using System.Text;

namespace BreastCancer.Analysis.Display;

/// <summary>A plain HTML table with an optional caption, every cell HTML-encoded; the building block of the formatters.</summary>
public static class HtmlTable
{
    /// <summary>The table of <paramref name="rows"/> under <paramref name="headers"/>; <paramref name="cssClass"/> names it for styling.</summary>
    public static string Render(string cssClass, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var html = new StringBuilder($"<table class=\"{WebUtility.HtmlEncode(cssClass)}\">");
        if (caption is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption>");
        }

        html.Append("<thead><tr>");
        foreach (var header in headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody></table>").ToString();
    }

    /// <summary>A paragraph of encoded text.</summary>
    public static string Paragraph(string text) => $"<p>{WebUtility.HtmlEncode(text)}</p>";
}
