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
        var text = new StringBuilder();
        for (var r = 0; r < data.RowCount; r++)
        {
            text.Append(data.IsMalignant[r] ? 'M' : 'B');
            for (var f = 0; f < data.FeatureCount; f++)
            {
                var value = data[r, f];
                text.Append(',').Append(double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
