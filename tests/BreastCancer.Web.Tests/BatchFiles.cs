using System.Globalization;
using Sylvan.Data.Csv;

namespace BreastCancer.Web.Tests;

/// <summary>Input files for the score command, and its output read back with Sylvan's CSV reader.</summary>
public static class BatchFiles
{
    /// <summary>A value as the input files write it: round-trip precision, so it parses back to the same double.</summary>
    public static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="header"/> and <paramref name="lines"/> (each already joined by commas) to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<string> header, IEnumerable<string> lines) =>
        File.WriteAllLines(path, [string.Join(',', header), .. lines]);

    /// <summary>The header and the records of a CSV file.</summary>
    public static (string[] Header, List<string[]> Records) Read(string path)
    {
        using var reader = CsvDataReader.Create(path, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' });
        var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.RowFieldCount).Select(reader.GetString)]);
        }

        return (header, records);
    }

    /// <summary>The column of <paramref name="records"/> named <paramref name="name"/> in <paramref name="header"/>.</summary>
    public static string[] Column(string[] header, List<string[]> records, string name)
    {
        var c = Array.IndexOf(header, name);
        Assert.True(c >= 0, $"no column {name} in {string.Join(",", header)}");
        return [.. records.Select(r => r[c])];
    }
}
