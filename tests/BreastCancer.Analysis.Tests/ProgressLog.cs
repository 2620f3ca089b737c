namespace BreastCancer.Analysis.Tests;

/// <summary>
/// Keeps every progress report, at once and from any thread, in <paramref name="reports"/> (<see cref="Progress{T}"/>
/// posts them to run later, and the library's <c>OrderedProgress</c> drops reports older than one already shown).
/// </summary>
/// <typeparam name="T">The report.</typeparam>
internal sealed class ProgressLog<T>(List<T> reports) : IProgress<T>
{
    public void Report(T value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
