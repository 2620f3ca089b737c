using System.Globalization;
using System.Text;

namespace BreastCancer.Web.Batch;

/// <summary>
/// Writes one CSV field as RFC 4180 wants it (quoted, with quotes doubled, when it holds a comma, a quote or a line
/// break), and harmless to a spreadsheet: a field that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return, and is not a plain number, is written with a leading apostrophe and quoted, as OWASP's "CSV
/// Injection" advice recommends, so that no spreadsheet opening the output runs it as a formula.
/// </summary>
public static class CsvField
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");
    private static readonly System.Buffers.SearchValues<char> FormulaStart = System.Buffers.SearchValues.Create("=+-@\t\r");

    /// <summary>Appends <paramref name="field"/> to <paramref name="text"/>, neutralised when a spreadsheet would read it as a formula, quoted when it must be.</summary>
    public static void Append(StringBuilder text, ReadOnlySpan<char> field)
    {
        ArgumentNullException.ThrowIfNull(text);
        var formula = IsFormula(field);
        if (!formula && field.IndexOfAny(Special) < 0)
        {
            text.Append(field);
            return;
        }

        text.Append('"');
        if (formula)
        {
            text.Append('\'');
        }

        foreach (var c in field)
        {
            text.Append(c);
            if (c == '"')
            {
                text.Append('"');
            }
        }

        text.Append('"');
    }

    /// <summary>Whether a spreadsheet could take <paramref name="field"/> for a formula: it starts with one of OWASP's characters and is not a number.</summary>
    public static bool IsFormula(ReadOnlySpan<char> field) =>
        field.Length > 0 && FormulaStart.Contains(field[0]) && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
