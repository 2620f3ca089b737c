using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BreastCancer.Analysis.Data;

/// <summary>
/// SHA-256 fingerprints of data, so that a model card can name exactly what a model was trained on: of a file's bytes,
/// and of a data set's rows in a canonical text that anyone can rebuild.
/// </summary>
public static class DataFingerprint
{
    /// <summary>The SHA-256 of the file's bytes, in lower-case hex (as <c>sha256sum</c> prints it).</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// The SHA-256, in lower-case hex, of the rows' canonical text, UTF-8: one line per row in the data set's order,
    /// the diagnosis (<c>M</c> or <c>B</c>) then every feature in catalogue order, comma-separated, each value in .NET's
    /// round-trip format (<c>R</c>, invariant culture; a missing cell is empty), each line ending in <c>\n</c>. The
    /// same rows in the same order give the same fingerprint whatever file they were read from.
    /// </summary>
    public static string OfRows(BreastCancerData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return OfRows(data.ToArray(), data.IsMalignant);
    }

    /// <summary>
    /// The SHA-256 of rows given as feature arrays (catalogue order) and diagnoses (true = malignant), in the same
    /// canonical text as <see cref="OfRows(BreastCancerData)"/>: the rows of a data set give its fingerprint.
    /// </summary>
    /// <exception cref="ArgumentException">The counts of rows and diagnoses differ.</exception>
    public static string OfRows(IReadOnlyList<double[]> rows, IReadOnlyList<bool> malignant)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(malignant);
        if (rows.Count != malignant.Count)
        {
            throw new ArgumentException($"{rows.Count} rows for {malignant.Count} diagnoses", nameof(malignant));
        }

        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            AppendLine(text, rows[r], malignant[r]);
        }

        return OfText(text.ToString());
    }

    /// <summary>The SHA-256, in lower-case hex, of <paramref name="text"/> in UTF-8: the fingerprint of a canonical text.</summary>
    internal static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Appends one row's canonical line: the diagnosis, then every value in round-trip format, comma-separated, ending in <c>\n</c>.</summary>
    internal static void AppendLine(StringBuilder text, IReadOnlyList<double> row, bool malignant)
    {
        text.Append(malignant ? 'M' : 'B');
        foreach (var value in row)
        {
            text.Append(',').Append(double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture));
        }

        text.Append('\n');
    }
}
