using System.Text;
using Workbook.Notebooks;

namespace Workbook.Execution;

/// <summary>
/// Collects a cell's outputs in the order they happen: console text (consecutive writes to one stream join one
/// output, as in Jupyter) and displayed values. Safe to write from several threads.
/// </summary>
public sealed class OutputSink
{
    private readonly List<CellOutput> _outputs = [];
    private readonly Lock _gate = new();

    /// <summary>Appends an output and returns its index.</summary>
    public int Add(CellOutput output)
    {
        lock (_gate)
        {
            _outputs.Add(output);
            return _outputs.Count - 1;
        }
    }

    /// <summary>Replaces the output at <paramref name="index"/>.</summary>
    public void Replace(int index, CellOutput output)
    {
        lock (_gate)
        {
            _outputs[index] = output;
        }
    }

    /// <summary>Appends console text to stream <paramref name="name"/> (<c>stdout</c> or <c>stderr</c>).</summary>
    public void Write(string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
            {
                _outputs[^1] = last with { Text = last.Text + text };
            }
            else
            {
                _outputs.Add(new StreamOutput(name, text));
            }
        }
    }

    /// <summary>Takes the outputs collected so far and starts afresh.</summary>
    public IReadOnlyList<CellOutput> Drain()
    {
        lock (_gate)
        {
            var outputs = _outputs.ToList();
            _outputs.Clear();
            return outputs;
        }
    }

    /// <summary>A console writer that appends to stream <paramref name="name"/> of this sink.</summary>
    public TextWriter ConsoleWriter(string name) => new SinkWriter(this, name);

    private sealed class SinkWriter(OutputSink sink, string name) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => sink.Write(name, value.ToString());

        public override void Write(string? value) => sink.Write(name, value ?? "");

        public override void Write(char[] buffer, int index, int count) => sink.Write(name, new string(buffer, index, count));

        public override void WriteLine(string? value) => sink.Write(name, (value ?? "") + "\n");
    }
}
