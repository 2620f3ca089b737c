using Sylvan.Data.Csv;

namespace BreastCancer.Analysis.Data;

/// <summary>One record of a CSV file: its fields and the physical line it starts on (1-based).</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// A CSV file read into records with Sylvan.Data.Csv (RFC 4180 quoting, CRLF or LF line ends, a byte order mark
/// dropped), the separator (comma or semicolon) recognised from the first line, and each record's physical line.
/// </summary>
internal sealed record CsvText(char Delimiter, IReadOnlyList<CsvRecord> Records, bool EndsWithLineBreak)
{
    public static CsvText Parse(string text)
    {
        text = text.TrimStart('\uFEFF');
        var delimiter = SniffDelimiter(text);
        var records = new List<CsvRecord>();
        using var reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            Quote = '"',
        });
        var embeddedLineBreaks = 0;
        while (reader.Read())
        {
            var fields = new string[reader.RowFieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.GetString(i);
            }

            records.Add(new CsvRecord(reader.RowNumber + embeddedLineBreaks, fields));
            embeddedLineBreaks += fields.Sum(f => f.Count(c => c == '\n'));
        }

        return new CsvText(delimiter, records, text.Length == 0 || text[^1] == '\n');
    }

    /// <summary>Semicolon when the first line has more semicolons than commas outside quotes, else comma.</summary>
    private static char SniffDelimiter(string text)
    {
        var (commas, semicolons, quoted) = (0, 0, false);
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\n' or '\r')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
