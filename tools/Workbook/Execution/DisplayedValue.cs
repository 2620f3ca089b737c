namespace Workbook.Execution;

/// <summary>An output shown with <c>display(…)</c>, which the cell can replace in place, as in the kernel.</summary>
public sealed class DisplayedValue
{
    private readonly OutputSink _sink;
    private readonly int _index;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(OutputSink sink, int index, string[] mimeTypes)
    {
        _sink = sink;
        _index = index;
        _mimeTypes = mimeTypes;
    }

    /// <summary>Replaces the displayed output with <paramref name="value"/>.</summary>
    public void Update(object? value) => _sink.Replace(_index, ValueFormatter.Format(value, isResult: false, _mimeTypes));
}
