using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace BreastCancer.Web.Batch;

/// <summary>Where a file stops being UTF-8, for an error message: read again from the start only once reading it as text has failed.</summary>
public static class Utf8Check
{
    /// <summary>
    /// <c>LINE:COLUMN</c> (1-based; the column counts bytes) of the first byte of <paramref name="path"/> that is not
    /// valid UTF-8, or <c>?</c> when the file cannot be read again or holds none.
    /// </summary>
    public static string FirstInvalid(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[1 << 16];
            var chars = new char[1 << 16];
            var (line, column, kept) = (1L, 1L, 0);
            int read;
            while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0 || kept > 0)
            {
                var bytes = buffer.AsSpan(0, kept + read);
                var status = Utf8.ToUtf16(bytes, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
                foreach (var b in bytes[..consumed])
                {
                    (line, column) = b == (byte)'\n' ? (line + 1, 1) : (line, column + 1);
                }

                if (status == OperationStatus.InvalidData)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{line}:{column}");
                }

                kept = bytes.Length - consumed;
                bytes[consumed..].CopyTo(buffer);
                if (read == 0)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "?";
        }

        return "?";
    }
}
