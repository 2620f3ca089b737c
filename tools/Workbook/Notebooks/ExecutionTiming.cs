using System.Globalization;

namespace Workbook.Notebooks;

/// <summary>
/// When a code cell ran, recorded as Jupyter records it: the code cell metadata <c>execution</c> of nbformat 4, with
/// the ISO 8601 UTC times of the kernel messages that open and close the execution, the four keys nbclient (the
/// executor behind <c>jupyter nbconvert --execute</c>) writes with <c>record_timing</c> and JupyterLab with "record
/// timing". VS Code's Polyglot Notebooks writes no timing and keeps the cell metadata it does not know. The runner
/// submits cells to the kernel in process, with no Jupyter messages: the cell's start stands for
/// <c>iopub.status.busy</c> and <c>iopub.execute_input</c>, its end for <c>shell.execute_reply</c> and
/// <c>iopub.status.idle</c>.
/// </summary>
public static class ExecutionTiming
{
    /// <summary>The cell metadata key Jupyter keeps execution times under.</summary>
    public const string MetadataKey = "execution";

    /// <summary>The key of the time the cell started, as JupyterLab's execute-time display reads it.</summary>
    public const string StartKey = "iopub.execute_input";

    /// <summary>The key of the time the cell finished, as JupyterLab's execute-time display reads it.</summary>
    public const string EndKey = "shell.execute_reply";

    /// <summary>The <c>execution</c> entry of the cell metadata: when <paramref name="executed"/> started and finished.</summary>
    public static IReadOnlyDictionary<string, string> Of(ExecutedCell executed)
    {
        var started = Timestamp(executed.Started);
        var finished = Timestamp(executed.Started + executed.Duration);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [StartKey] = started,
            ["iopub.status.busy"] = started,
            ["iopub.status.idle"] = finished,
            [EndKey] = finished,
        };
    }

    /// <summary>A time as Jupyter writes a message's <c>header.date</c>: UTC, microseconds, e.g. <c>2025-02-11T18:07:44.696726Z</c>.</summary>
    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
