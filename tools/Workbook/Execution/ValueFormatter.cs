using Microsoft.DotNet.Interactive.Formatting;
using Workbook.Notebooks;

namespace Workbook.Execution;

/// <summary>Formats values through Microsoft.DotNet.Interactive.Formatting, the library the real kernel uses.</summary>
public static class ValueFormatter
{
    /// <summary>
    /// The value formatted for each requested MIME type, or else for the types the formatter prefers for its type
    /// (<c>text/plain</c> for null, shown as <c>&lt;null&gt;</c>).
    /// </summary>
    public static DisplayOutput Format(object? value, bool isResult, IReadOnlyList<string>? mimeTypes = null)
    {
        var types = mimeTypes is { Count: > 0 } ? mimeTypes
            : value is null ? [PlainTextFormatter.MimeType]
            : Formatter.GetPreferredMimeTypesFor(value.GetType()).ToList();
        var data = types.Distinct(StringComparer.Ordinal).ToDictionary(mime => mime, mime => value.ToDisplayString(mime), StringComparer.Ordinal);
        return new DisplayOutput(data, isResult);
    }
}
