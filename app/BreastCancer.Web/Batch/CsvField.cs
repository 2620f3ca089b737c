using System.Text;

namespace BreastCancer.Web.Batch;

/// <summary>Writes one CSV field as RFC 4180 wants it: quoted, with quotes doubled, when it holds a comma, a quote or a line break.</summary>
public static class CsvField
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create(",\"\r\n");

    /// <summary>Appends <paramref name="field"/> to <paramref name="text"/>, quoted when it must be.</summary>
    public static void Append(StringBuilder text, ReadOnlySpan<char> field)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (field.IndexOfAny(Special) < 0)
        {
            text.Append(field);
            return;
        }

        text.Append('"');
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
}
