namespace BreastCancer.Analysis.Evaluation;

/// <summary>A progress report that knows how far its work has got.</summary>
public interface IProgressReport
{
    /// <summary>Units of work done so far, counting this one.</summary>
    int Completed { get; }

    /// <summary>Units of work in all.</summary>
    int Total { get; }
}

/// <summary>
/// Passes progress reports to <paramref name="show"/> at once, on the reporting thread, one at a time, and drops a
/// report older than one already shown: a parallel search reports from several threads in no fixed order, and a display
/// updated through this ends on the last report. (<see cref="Progress{T}"/> posts reports to run later instead, so a
/// display can end on a stale one.)
/// </summary>
/// <typeparam name="T">The report.</typeparam>
/// <param name="show">What to do with each report, e.g. update a displayed line.</param>
public sealed class OrderedProgress<T>(Action<T> show) : IProgress<T>
    where T : IProgressReport
{
    private readonly Lock _gate = new();
    private int _shown;

    /// <inheritdoc />
    public void Report(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Completed > _shown)
            {
                _shown = value.Completed;
                show(value);
            }
        }
    }
}
