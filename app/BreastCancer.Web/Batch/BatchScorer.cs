using System.Globalization;
using System.Text;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Prediction;
using Sylvan.Data.Csv;

namespace BreastCancer.Web.Batch;

/// <summary>
/// Streams the data rows of a CSV reader through a saved model, <paramref name="chunkSize"/> rows at a time, into the
/// output: each row's copied columns, its probability (round-trip precision), the decision at the card's threshold (<see cref="SavedModel.Decide"/>) and
/// the model's version. A row with a wrong cell (empty, not a number, or outside the physical bounds of
/// <see cref="FeatureBounds"/>) or the wrong number of cells is skipped and reported by line, field and reason; the
/// buffers are allocated once, so memory does not grow with the file.
/// </summary>
/// <param name="model">The model that scores.</param>
/// <param name="layout">Where the header puts the model's features and which columns are copied.</param>
/// <param name="chunkSize">The rows scored at once.</param>
public sealed class BatchScorer(SavedModel model, InputLayout layout, int chunkSize)
{
    private readonly SavedModel _model = model ?? throw new ArgumentNullException(nameof(model));
    private readonly InputLayout _layout = layout ?? throw new ArgumentNullException(nameof(layout));
    private readonly double[][] _rows = [.. Enumerable.Range(0, chunkSize).Select(_ => new double[model.Card.Features.Count])];
    private readonly int[] _copiedEnds = new int[chunkSize];
    private readonly StringBuilder _copied = new();
    private readonly StringBuilder _text = new();
    private int _count;

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
    /// <paramref name="report"/> with its physical line, and blank lines are ignored.
    /// </summary>
    public ScoreSummary Score(CsvDataReader reader, int headerLines, TextWriter output, Action<int, string> report, BatchProgress progress)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(progress);
        var started = progress.Elapsed;
        long scored = 0, invalid = 0;
        var nextLine = headerLines + 1;
        while (reader.Read())
        {
            var line = nextLine;
            nextLine += Math.Max(1, reader.GetRawRecordSpan().Count('\n'));
            if (reader.RowFieldCount == 1 && reader.GetFieldSpan(0).IsWhiteSpace())
            {
                continue;
            }

            if (!Read(reader, line, report))
            {
                invalid++;
                continue;
            }

            if (_count == _rows.Length)
            {
                scored += Flush(output);
                progress.Update(scored + invalid);
            }
        }

        scored += Flush(output);
        progress.Update(scored + invalid);
        return new ScoreSummary(scored, invalid, (progress.Elapsed - started).TotalSeconds);
    }

    private bool Read(CsvDataReader reader, int line, Action<int, string> report)
    {
        if (reader.RowFieldCount != _layout.FieldCount)
        {
            report(line, $"the line has {reader.RowFieldCount} cells, but the header has {_layout.FieldCount}");
            return false;
        }

        var row = _rows[_count];
        var ok = true;
        for (var f = 0; f < row.Length; f++)
        {
            var feature = _model.Card.Features[f].Name;
            var text = reader.GetFieldSpan(_layout.FeatureColumns[f]).Trim();
            string? problem;
            if (text.IsEmpty)
            {
                problem = $"is empty: all {row.Length} features are required";
            }
            else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                row[f] = value;
                problem = FeatureBounds.Problem(feature, value);
            }
            else
            {
                problem = $"must be a number such as 17.99, not \"{Shorten(text)}\"";
            }

            if (problem is not null)
            {
                report(line, $"{feature} {problem}");
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
                _copied.Append(',');
            }

            CsvField.Append(_copied, reader.GetFieldSpan(copied[c]));
        }

        _copiedEnds[_count++] = _copied.Length;
        return true;
    }

    private int Flush(TextWriter output)
    {
        if (_count == 0)
        {
            return 0;
        }

        var probabilities = _model.PredictProbability(new ArraySegment<double[]>(_rows, 0, _count));
        var biopsy = _model.Decide(probabilities);
        var start = 0;
        for (var r = 0; r < _count; r++)
        {
            _text.Append(_copied, start, _copiedEnds[r] - start);
            if (_layout.PassThrough.Count > 0)
            {
                _text.Append(',');
            }

            _text.Append(CultureInfo.InvariantCulture, $"{probabilities[r]:R},{(biopsy[r] ? ScoredRow.Biopsy : ScoredRow.NoBiopsy)},");
            CsvField.Append(_text, _model.Version);
            _text.Append('\n');
            start = _copiedEnds[r];
        }

        output.Write(_text);
        var done = _count;
        _text.Clear();
        _copied.Clear();
        _count = 0;
        return done;
    }

    private static string Shorten(ReadOnlySpan<char> text) => text.Length <= 40 ? text.ToString() : string.Concat(text[..40], "…");
}
