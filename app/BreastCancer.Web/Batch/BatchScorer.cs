using System.Globalization;
using System.Text;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Serving;
using BreastCancer.Web.Prediction;
using Sylvan.Data.Csv;

namespace BreastCancer.Web.Batch;

/// <summary>
/// Streams the data rows of a CSV reader through a saved model, <paramref name="chunkSize"/> rows at a time, into the
/// output: each row's copied columns, its probability (round-trip precision), the decision at the card's threshold
/// (as <see cref="SavedModel.Decide"/> decides) and the model's version. A row with a wrong cell (empty, not a number,
/// or outside the physical bounds of <see cref="FeatureBounds"/>) or the wrong number of cells is skipped and reported
/// by line, field and reason. Two chunks are allocated once and take turns: the calling thread copies the cells of one
/// from the reader while a worker parses, checks, scores (with the model's <see cref="PipelineScorer"/>, which
/// allocates nothing per row) and writes the other, so memory does not grow with the file and both cores work.
/// </summary>
/// <param name="model">The model that scores.</param>
/// <param name="layout">Where the header puts the model's features and which columns are copied.</param>
/// <param name="chunkSize">The rows scored at once.</param>
public sealed class BatchScorer(SavedModel model, InputLayout layout, int chunkSize)
{
    private readonly SavedModel _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly PipelineScorer _scorer = model.CreateScorer();
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
    /// <paramref name="report"/> with its physical line, in line order, on the calling thread, and blank lines are ignored.
    /// </summary>
    public ScoreSummary Score(CsvDataReader reader, int headerLines, TextWriter output, Action<int, string> report, BatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(progress);
        var started = progress.Elapsed;
        long scored = 0, invalid = 0, read = 0;
        var filling = new RowChunk(chunkSize, _features.Length);
        var spare = new RowChunk(chunkSize, _features.Length);
        RowChunk? inFlight = null;
        var pending = Task.CompletedTask;

        void Collect()
        {
            pending.GetAwaiter().GetResult();
            if (inFlight is not null)
            {
                foreach (var (line, problem) in inFlight.Problems)
                {
                    report(line, problem);
                }

                scored += inFlight.ValidCount;
                invalid += inFlight.InvalidCount;
                inFlight.Clear();
                inFlight = null;
            }
        }

        try
        {
            var nextLine = headerLines + 1;
            while (Next(reader, nextLine))
            {
                var line = nextLine;
                nextLine += Math.Max(1, reader.GetRawRecordSpan().Count('\n'));
                if (reader.RowFieldCount == 1 && reader.GetFieldSpan(0).IsWhiteSpace())
                {
                    continue;
                }

                Read(reader, line, filling);
                read++;
                if (filling.IsFull)
                {
                    Collect();
                    var full = filling;
                    (filling, spare, inFlight) = (spare, full, full);
                    pending = Task.Run(() => Flush(full, output));
                    progress.Update(read);
                }
            }

            Collect();
            Flush(filling, output);
            inFlight = filling;
            Collect();
        }
        finally
        {
            ((IAsyncResult)pending).AsyncWaitHandle.WaitOne();
        }

        progress.Update(scored + invalid);
        return new ScoreSummary(scored, invalid, (progress.Elapsed - started).TotalSeconds);
    }

    /// <summary>The reader's next record, or false at the end; a record the reader cannot read is an <see cref="InputLineException"/> naming the line it starts on.</summary>
    private static bool Next(CsvDataReader reader, int line)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvRecordTooLargeException e)
        {
            throw new InputLineException(line, "the record is longer than the command reads at once (--max-record-chars)", e);
        }
        catch (CsvFormatException e)
        {
            throw new InputLineException(line, "malformed CSV: a quoted field must end with a quote, and a quote inside a quoted field must be doubled (RFC 4180)", e);
        }
    }

    /// <summary>Copies the current record's feature cells and copied columns into <paramref name="chunk"/>, or rejects it for its number of cells.</summary>
    private void Read(CsvDataReader reader, int line, RowChunk chunk)
    {
        if (reader.RowFieldCount != _layout.FieldCount)
        {
            chunk.Reject(line, $"the line has {reader.RowFieldCount} cells, but the header has {_layout.FieldCount}");
            return;
        }

        var columns = _layout.FeatureColumns;
        for (var f = 0; f < columns.Count; f++)
        {
            chunk.AppendField(reader.GetFieldSpan(columns[f]));
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

        chunk.Commit(line);
    }

    /// <summary>Parses and checks the cells of <paramref name="chunk"/>, scores its valid rows and writes them; the problems stay in the chunk for the calling thread.</summary>
    private void Flush(RowChunk chunk, TextWriter output)
    {
        for (var r = 0; r < chunk.Count; r++)
        {
            if (chunk.RejectionOf(r) is { } rejection)
            {
                chunk.Problems.Add((chunk.LineOf(r), rejection));
                chunk.Drop();
            }
            else if (Parse(chunk, r))
            {
                chunk.Keep(r);
            }
            else
            {
                chunk.Drop();
            }
        }

        var valid = chunk.ValidCount;
        if (valid == 0)
        {
            return;
        }

        _scorer.Probabilities(chunk.Values.AsSpan(0, valid * _features.Length), chunk.Probabilities.AsSpan(0, valid));
        var threshold = _model.Card.Threshold.Threshold;
        var version = new StringBuilder();
        CsvField.Append(version, _model.Version);
        Span<char> number = stackalloc char[32];
        for (var v = 0; v < valid; v++)
        {
            var (start, length) = chunk.CopiedOf(chunk.RowOfValid(v));
            _text.Append(chunk.Copied, start, length);
            if (_layout.PassThrough.Count > 0)
            {
                _text.Append(',');
            }

            var probability = chunk.Probabilities[v];
            probability.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture);
            _text.Append(number[..written]).Append(',').Append(probability >= threshold ? ScoredRow.Biopsy : ScoredRow.NoBiopsy).Append(',').Append(version).Append('\n');
        }

        output.Write(_text);
        _text.Clear();
    }

    /// <summary>Parses row <paramref name="row"/>'s cells into the chunk's next values, adding a problem for each bad cell; whether all were good.</summary>
    private bool Parse(RowChunk chunk, int row)
    {
        var values = chunk.NextValues;
        var ok = true;
        for (var f = 0; f < values.Length; f++)
        {
            var text = chunk.Field(row, f).Trim();
            string? problem;
            if (text.IsEmpty)
            {
                problem = $"is empty: all {values.Length} features are required";
            }
            else if (CellNumber.TryParse(text, out var value))
            {
                values[f] = value;
                problem = _bounds[f].Problem(value);
            }
            else
            {
                problem = $"must be a number such as 17.99, not \"{Shorten(text)}\"";
            }

            if (problem is not null)
            {
                chunk.Problems.Add((chunk.LineOf(row), $"{_features[f]} {problem}"));
                ok = false;
            }
        }

        return ok;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
