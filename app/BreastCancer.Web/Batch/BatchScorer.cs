using System.Globalization;
using System.Text;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Prediction;
using Sylvan.Data.Csv;

namespace BreastCancer.Web.Batch;

/// <summary>
/// Streams the data rows of a CSV reader through a saved model, <paramref name="chunkSize"/> rows at a time, into the
/// output: each row's copied columns, its probability (round-trip precision), the decision at the card's threshold
/// (<see cref="SavedModel.Decide"/>) and the model's version. A row with a wrong cell (empty, not a number, or outside
/// the physical bounds of <see cref="FeatureBounds"/>) or the wrong number of cells is skipped and reported by line,
/// field and reason. Two chunks are allocated once and take turns: one is filled from the reader while the other is
/// scored and written on a worker thread, so memory does not grow with the file and reading overlaps scoring.
/// </summary>
/// <param name="model">The model that scores.</param>
/// <param name="layout">Where the header puts the model's features and which columns are copied.</param>
/// <param name="chunkSize">The rows scored at once.</param>
public sealed class BatchScorer(SavedModel model, InputLayout layout, int chunkSize)
{
    private readonly SavedModel _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly InputLayout _layout = layout ?? throw new ArgumentNullException(nameof(layout));
    private readonly string[] _features = [.. model.Card.Features.Select(f => f.Name)];
    private readonly FeatureBound[] _bounds = [.. model.Card.Features.Select(f => FeatureBounds.For(f.Name))];
    private readonly StringBuilder _text = new();

    /// <summary>The header line of the output.</summary>
    public string OutputHeader()
    {
        var header = new StringBuilder();
        foreach (var name in _layout.PassThroughNames.Concat(ScoredRow.Columns))
        {
            if (header.Length > 0)
            {
                header.Append(',');
            }

            CsvField.Append(header, name);
        }

        return header.ToString();
    }

    /// <summary>
    /// Scores every data row of <paramref name="reader"/> (positioned after the header, whose last line is
    /// <paramref name="headerLines"/>) into <paramref name="output"/>; each bad cell is reported to
    /// <paramref name="report"/> with its physical line, on the calling thread, and blank lines are ignored.
    /// </summary>
    public ScoreSummary Score(CsvDataReader reader, int headerLines, TextWriter output, Action<int, string> report, BatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(progress);
        var started = progress.Elapsed;
        long scored = 0, invalid = 0;
        var filling = new RowChunk(chunkSize, _features.Length);
        var spare = new RowChunk(chunkSize, _features.Length);
        Task<int> pending = Task.FromResult(0);
        try
        {
            var nextLine = headerLines + 1;
            while (reader.Read())
            {
                var line = nextLine;
                nextLine += Math.Max(1, reader.GetRawRecordSpan().Count('\n'));
                if (reader.RowFieldCount == 1 && reader.GetFieldSpan(0).IsWhiteSpace())
                {
                    continue;
                }

                if (!Read(reader, line, filling, report))
                {
                    invalid++;
                    continue;
                }

                if (filling.IsFull)
                {
                    scored += pending.GetAwaiter().GetResult();
                    var full = filling;
                    (filling, spare) = (spare, full);
                    pending = Task.Run(() => Flush(full, output));
                    progress.Update(scored + full.Count + invalid);
                }
            }

            scored += pending.GetAwaiter().GetResult();
            scored += Flush(filling, output);
        }
        finally
        {
            ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
        }

        progress.Update(scored + invalid);
        return new ScoreSummary(scored, invalid, (progress.Elapsed - started).TotalSeconds);
    }

    private bool Read(CsvDataReader reader, int line, RowChunk chunk, Action<int, string> report)
    {
        if (reader.RowFieldCount != _layout.FieldCount)
        {
            report(line, $"the line has {reader.RowFieldCount} cells, but the header has {_layout.FieldCount}");
            return false;
        }

        var row = chunk.Next;
        var ok = true;
        for (var f = 0; f < row.Length; f++)
        {
            var text = reader.GetFieldSpan(_layout.FeatureColumns[f]).Trim();
            string? problem;
            if (text.IsEmpty)
            {
                problem = $"is empty: all {row.Length} features are required";
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                row[f] = value;
                problem = _bounds[f].Problem(value);
            }
            else
            {
                problem = $"must be a number such as 17.99, not \"{Shorten(text)}\"";
            }

            if (problem is not null)
            {
                report(line, $"{_features[f]} {problem}");
                ok = false;
            }
        }

        if (!ok)
        {
            return false;
        }

        var copied = _layout.PassThrough;
        for (var c = 0; c < copied.Count; c++)
        {
            if (c > 0)
            {
                chunk.Copied.Append(',');
            }

            CsvField.Append(chunk.Copied, reader.GetFieldSpan(copied[c]));
        }

        chunk.Commit();
        return true;
    }

    /// <summary>Scores and writes <paramref name="chunk"/>, then empties it; returns the rows written.</summary>
    private int Flush(RowChunk chunk, TextWriter output)
    {
        var done = chunk.Count;
        if (done == 0)
        {
            return 0;
        }

        var probabilities = _model.PredictProbability(chunk.Rows);
        var biopsy = _model.Decide(probabilities);
        for (var r = 0; r < done; r++)
        {
            var (start, length) = chunk.CopiedOf(r);
            _text.Append(chunk.Copied, start, length);
            if (_layout.PassThrough.Count > 0)
            {
                _text.Append(',');
            }

            _text.Append(CultureInfo.InvariantCulture, $"{probabilities[r]:R},{(biopsy[r] ? ScoredRow.Biopsy : ScoredRow.NoBiopsy)},");
            CsvField.Append(_text, _model.Version);
            _text.Append('\n');
        }

        output.Write(_text);
        _text.Clear();
        chunk.Clear();
        return done;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
