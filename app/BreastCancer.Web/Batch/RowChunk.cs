using System.Text;

namespace BreastCancer.Web.Batch;

/// <summary>
/// A chunk of data rows on their way through the model, every buffer allocated once and reused (growing only to the
/// longest chunk's text): each row's line, the raw text of its feature cells one after the other, the text of its
/// copied columns, or the problem that already rules it out (a wrong number of cells). The reading thread fills it
/// with text only; the thread that scores it parses the cells into <see cref="Values"/>, collects the
/// <see cref="Problems"/> and fills <see cref="Probabilities"/>, so that parsing runs beside reading.
/// </summary>
internal sealed class RowChunk
{
    private readonly int _features;
    private readonly int[] _lines;
    private readonly string?[] _rejected;
    private readonly int[] _fieldEnds;
    private readonly int[] _copiedEnds;
    private readonly int[] _validRows;
    private char[] _text = new char[1 << 16];
    private int _textLength;
    private int _fields;

    /// <summary>An empty chunk of up to <paramref name="capacity"/> rows of <paramref name="features"/> values.</summary>
    public RowChunk(int capacity, int features)
    {
        _features = features;
        _lines = new int[capacity];
        _rejected = new string?[capacity];
        _fieldEnds = new int[capacity * features];
        _copiedEnds = new int[capacity];
        _validRows = new int[capacity];
        Values = new double[capacity * features];
        Probabilities = new double[capacity];
    }

    /// <summary>The rows held, valid or not.</summary>
    public int Count { get; private set; }

    /// <summary>Whether no other row fits.</summary>
    public bool IsFull => Count == _lines.Length;

    /// <summary>The copied columns of every row held, each row's after the previous one's.</summary>
    public StringBuilder Copied { get; } = new();

    /// <summary>The features of the valid rows, one row after the other, as parsed by <see cref="Keep"/>'s caller.</summary>
    public double[] Values { get; }

    /// <summary>The probability of each valid row, in order.</summary>
    public double[] Probabilities { get; }

    /// <summary>Each problem found, with its physical line, in line order.</summary>
    public List<(int Line, string Problem)> Problems { get; } = [];

    /// <summary>The number of valid rows kept by <see cref="Keep"/>.</summary>
    public int ValidCount { get; private set; }

    /// <summary>The number of rows with at least one problem.</summary>
    public int InvalidCount { get; private set; }

    /// <summary>Appends the text of the current row's next feature cell.</summary>
    public void AppendField(ReadOnlySpan<char> text)
    {
        if (_textLength + text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _textLength + text.Length));
        }

        text.CopyTo(_text.AsSpan(_textLength));
        _textLength += text.Length;
        _fieldEnds[_fields++] = _textLength;
    }

    /// <summary>Keeps the row whose feature cells and copied text were appended, read from physical line <paramref name="line"/>.</summary>
    public void Commit(int line) => Add(line, null);

    /// <summary>Keeps a row of line <paramref name="line"/> that is ruled out by <paramref name="problem"/> before its cells are read.</summary>
    public void Reject(int line, string problem)
    {
        for (var f = 0; f < _features; f++)
        {
            _fieldEnds[_fields++] = _textLength;
        }

        Add(line, problem);
    }

    /// <summary>The physical line of row <paramref name="row"/>.</summary>
    public int LineOf(int row) => _lines[row];

    /// <summary>The problem that ruled row <paramref name="row"/> out while it was read, or null.</summary>
    public string? RejectionOf(int row) => _rejected[row];

    /// <summary>The raw text of feature <paramref name="feature"/> of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<char> Field(int row, int feature)
    {
        var index = (row * _features) + feature;
        var start = index == 0 ? 0 : _fieldEnds[index - 1];
        return _text.AsSpan(start, _fieldEnds[index] - start);
    }

    /// <summary>The values of the next valid row, to be parsed into before <see cref="Keep"/>.</summary>
    public Span<double> NextValues => Values.AsSpan(ValidCount * _features, _features);

    /// <summary>Counts row <paramref name="row"/> as valid, its values in <see cref="NextValues"/>.</summary>
    public void Keep(int row) => _validRows[ValidCount++] = row;

    /// <summary>Counts a row as invalid.</summary>
    public void Drop() => InvalidCount++;

    /// <summary>The row of valid row <paramref name="valid"/>.</summary>
    public int RowOfValid(int valid) => _validRows[valid];

    /// <summary>Where row <paramref name="row"/>'s copied text starts and how long it is.</summary>
    public (int Start, int Length) CopiedOf(int row)
    {
        var start = row == 0 ? 0 : _copiedEnds[row - 1];
        return (start, _copiedEnds[row] - start);
    }

    /// <summary>Empties the chunk for reuse.</summary>
    public void Clear()
    {
        (Count, ValidCount, InvalidCount, _textLength, _fields) = (0, 0, 0, 0, 0);
        Copied.Clear();
        Problems.Clear();
    }

    private void Add(int line, string? problem)
    {
        _lines[Count] = line;
        _rejected[Count] = problem;
        _copiedEnds[Count++] = Copied.Length;
    }
}
