using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Html;

namespace Workbook.Execution;

/// <summary>
/// The globals every cell sees, standing in for the members of .NET Interactive's <c>Kernel</c> class that the kernel
/// imports with <c>using static</c>: <c>display(…)</c> and <c>HTML(…)</c>.
/// </summary>
[SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "The kernel's own member names, which notebooks call.")]
public sealed class NotebookGlobals
{
    private readonly OutputSink _sink;

    internal NotebookGlobals(OutputSink sink) => _sink = sink;

    /// <summary>Shows <paramref name="value"/> in the cell's output, formatted for <paramref name="mimeTypes"/> (default: the preferred ones).</summary>
    public DisplayedValue display(object? value, params string[] mimeTypes) =>
        new(_sink, _sink.Add(ValueFormatter.Format(value, isResult: false, mimeTypes)), mimeTypes);

    /// <summary>Wraps a string of HTML so that it is shown as HTML, not as text.</summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Cells see instance members of the globals object.")]
    public IHtmlContent HTML(string html) => new HtmlString(html);
}
