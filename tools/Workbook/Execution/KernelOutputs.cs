using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Workbook.Notebooks;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Workbook.Execution;

/// <summary>
/// A cell's outputs from the events its submission produced, as the <c>.net-csharp</c> Jupyter kernel turns them into
/// Jupyter messages (dotnet/interactive, <c>Microsoft.DotNet.Interactive.Jupyter</c>'s execute-request handling) and
/// Jupyter's client applies them: displayed values as <c>display_data</c> (an update replaces the value with its id; an
/// update whose id was never displayed is dropped, as nbclient drops it), the return value as <c>execute_result</c>,
/// console text and diagnostics (warnings too) as streams, a failure as an error.
/// </summary>
public static class KernelOutputs
{
    /// <summary>
    /// The outputs of <paramref name="result"/> in the order they happened, and the error of <paramref name="cell"/> when
    /// its command failed, at the line <paramref name="lineOf"/> finds for an exception (null when it finds none).
    /// </summary>
    public static (IReadOnlyList<CellOutput> Outputs, CellError? Error) From(KernelCommandResult result, NotebookCell cell, Func<Exception, int?> lineOf)
    {
        ArgumentNullException.ThrowIfNull(lineOf);
        var outputs = new List<CellOutput>();
        var displayed = new Dictionary<string, int>(StringComparer.Ordinal);
        var diagnostics = new List<Diagnostic>();
        CellError? error = null;
        foreach (var e in result.Events)
        {
            switch (e)
            {
                case ReturnValueProduced { Value: DisplayedValue }:
                    break;
                case ReturnValueProduced value:
                    outputs.Add(new DisplayOutput(Data(value), IsResult: true));
                    break;
                case DisplayedValueUpdated update:
                    if (update.ValueId is { } id && displayed.TryGetValue(id, out var index))
                    {
                        outputs[index] = new DisplayOutput(Data(update), IsResult: false);
                    }

                    break;
                case DisplayedValueProduced display:
                    if (display.ValueId is { } valueId)
                    {
                        displayed[valueId] = outputs.Count;
                    }

                    outputs.Add(new DisplayOutput(Data(display), IsResult: false));
                    break;
                case StandardOutputValueProduced text:
                    Append(outputs, "stdout", PlainText(text));
                    break;
                case StandardErrorValueProduced or ErrorProduced:
                    Append(outputs, "stderr", PlainText((DisplayEvent)e));
                    break;
                case DiagnosticsProduced produced when produced.FormattedDiagnostics.Count > 0:
                    diagnostics.AddRange(produced.Diagnostics);
                    Append(outputs, "stderr", "\n" + string.Join("\n", produced.FormattedDiagnostics.Select(d => d.Value)) + "\n\n");
                    break;
                case CommandFailed failed:
                    error ??= Failure(failed, cell, diagnostics, outputs, lineOf);
                    break;
            }
        }

        return (outputs, error);
    }

    private static CellError Failure(CommandFailed failed, NotebookCell cell, List<Diagnostic> diagnostics, List<CellOutput> outputs, Func<Exception, int?> lineOf)
    {
        if (failed.Exception is CodeSubmissionCompilationErrorException)
        {
            outputs.Add(new ErrorOutput("Error", "compilation error", []));
            var first = diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            return first is null
                ? new CellError(cell.Number, null, failed.Message)
                : new CellError(cell.Number, first.LinePositionSpan.Start.Line + 1, $"error {first.Code}: {first.Message}");
        }

        var exception = Innermost(failed.Exception);
        var message = failed.Message;
        outputs.Add(new ErrorOutput("Error", message, [.. message.Split('\n').Select(l => l.TrimEnd('\r'))]));
        return exception is null
            ? new CellError(cell.Number, null, message.Split('\n')[0].TrimEnd('\r'))
            : new CellError(cell.Number, lineOf(exception), $"{exception.GetType().FullName}: {exception.Message}");
    }

    private static Exception? Innermost(Exception? exception)
    {
        while (exception is System.Reflection.TargetInvocationException or AggregateException && exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static Dictionary<string, string> Data(DisplayEvent e) =>
        e.FormattedValues.GroupBy(v => v.MimeType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value
        ?? Convert.ToString(e.Value, CultureInfo.InvariantCulture) ?? "";

    private static void Append(List<CellOutput> outputs, string stream, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == stream)
        {
            outputs[^1] = last with { Text = last.Text + text };
        }
        else
        {
            outputs.Add(new StreamOutput(stream, text));
        }
    }
}
