using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Data.Analysis;

namespace BreastCancer.Analysis.Display;

/// <summary>
/// A Microsoft.Data.Analysis <see cref="DataFrame"/> as an HTML table: the first rows, each column's name and type,
/// and the frame's shape. Numbers are written with invariant culture and up to six significant digits.
/// </summary>
public static class DataFrameHtml
{
    /// <summary>How many rows a table shows (the shape line gives the total).</summary>
    public const int DefaultMaxRows = 10;

    /// <summary>The frame as an HTML table of its first <paramref name="maxRows"/> rows.</summary>
    public static string Render(DataFrame frame, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var html = new StringBuilder("<div class=\"bc-dataframe\"><table>\n<thead><tr><th></th>");
        foreach (var column in frame.Columns)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<th>{Encode(column.Name)}<br><small>{Encode(TypeName(column.DataType))}</small></th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var shown = (int)Math.Min(frame.Rows.Count, maxRows);
        for (var row = 0; row < shown; row++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{row}</th>");
            foreach (var column in frame.Columns)
            {
                html.Append("<td>").Append(Encode(Cell(column[row]))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        html.Append(CultureInfo.InvariantCulture,
            $"<p><small>{frame.Rows.Count} rows × {frame.Columns.Count} columns{(shown < frame.Rows.Count ? $" (first {shown} shown)" : "")}</small></p></div>");
        return html.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string TypeName(Type type) => type == typeof(double) ? "double" : type == typeof(float) ? "float"
        : type == typeof(int) ? "int" : type == typeof(long) ? "long" : type == typeof(string) ? "string"
        : type == typeof(bool) ? "bool" : type.Name;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
