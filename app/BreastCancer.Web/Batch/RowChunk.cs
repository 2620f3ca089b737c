using System.Text;

namespace BreastCancer.Web.Batch;

/// <summary>
/// A chunk of valid rows on their way through the model: their features (arrays allocated once and reused), the text
/// of their copied columns one after the other, and where each row's text ends.
/// </summary>
internal sealed class RowChunk
{
    private readonly double[][] _rows;
    private readonly int[] _copiedEnds;

    /// <summary>An empty chunk of up to <paramref name="capacity"/> rows of <paramref name="features"/> values.</summary>
    public RowChunk(int capacity, int features)
    {
        _rows = [.. Enumerable.Range(0, capacity).Select(_ => new double[features])];
        _copiedEnds = new int[capacity];
    }

    /// <summary>The rows held.</summary>
    public int Count { get; private set; }

    /// <summary>Whether no other row fits.</summary>
    public bool IsFull => Count == _rows.Length;

    /// <summary>The copied columns of every row held, each row's after the previous one's.</summary>
    public StringBuilder Copied { get; } = new();

    /// <summary>The features of the rows held.</summary>
    public ArraySegment<double[]> Rows => new(_rows, 0, Count);

    /// <summary>The array the next row's features go into.</summary>
    public double[] Next => _rows[Count];

    /// <summary>Where row <paramref name="row"/>'s copied text starts and how long it is.</summary>
    public (int Start, int Length) CopiedOf(int row)
    {
        var start = row == 0 ? 0 : _copiedEnds[row - 1];
        return (start, _copiedEnds[row] - start);
    }

    /// <summary>Keeps the row written to <see cref="Next"/>, whose copied text was appended to <see cref="Copied"/>.</summary>
    public void Commit() => _copiedEnds[Count++] = Copied.Length;

    /// <summary>Empties the chunk for reuse.</summary>
    public void Clear()
    {
        Count = 0;
        Copied.Clear();
    }
}
