using System.Globalization;
using System.Text;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// Rows a model is trained on beyond the training rows of WDBC's split: confirmed outcomes of the web app's predictions,
/// each the 30 WDBC features (catalogue order, the data's units) and the diagnosis a biopsy confirmed, and the case
/// (the clinic's pseudonymous number of the tumour, when it gave one, so that a tumour measured twice stays in one fold
/// whenever these rows are cross-validated), nothing that identifies a patient. A retrained version keeps them in its
/// folder as <see cref="FileName"/> (<see cref="ToCsv"/>),
/// and its card records their count and SHA-256 (<see cref="AddedRowsSummary"/>), so that the version's training rows
/// can be rebuilt and checked when it is loaded. Immutable.
/// </summary>
public sealed class AddedTrainingRows
{
    /// <summary>The file in a version's folder.</summary>
    public const string FileName = "added-rows.csv";

    private const string DiagnosisColumn = "diagnosis";
    private const string CaseColumn = "case";
    private readonly double[][] _rows;
    private readonly bool[] _malignant;
    private readonly string?[] _cases;

    /// <summary>
    /// The rows <paramref name="rows"/> (30 finite values each, catalogue order) with their diagnoses (true = malignant)
    /// and cases (null, or a null entry: a row of its own case; a case is at least one character, none a control character).
    /// </summary>
    /// <exception cref="ArgumentException">The counts differ, a row does not have 30 finite values, or a case is empty or holds a control character (the message names the row).</exception>
    public AddedTrainingRows(IReadOnlyList<double[]> rows, IReadOnlyList<bool> malignant, IReadOnlyList<string?>? cases = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(malignant);
        if (rows.Count != malignant.Count)
        {
            throw new ArgumentException($"{rows.Count} rows for {malignant.Count} diagnoses", nameof(malignant));
        }

        if (cases is not null && cases.Count != rows.Count)
        {
            throw new ArgumentException($"{cases.Count} cases for {rows.Count} rows: give one case (or null) per row", nameof(cases));
        }

        if (cases?.Select((c, r) => (c, r)).FirstOrDefault(x => x.c is { } c && (c.Length == 0 || c.Any(char.IsControl))) is { c: { } bad } found)
        {
            throw new ArgumentException($"added row {found.r + 1}'s case \"{bad.ReplaceLineEndings(" ")}\" is empty or holds a control character", nameof(cases));
        }

        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != Features.Count || rows[r].Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"added row {r + 1} has {rows[r].Length} values, {rows[r].Count(v => !double.IsFinite(v))} of them not finite: each needs {Features.Count} finite values", nameof(rows));
            }
        }

        _rows = [.. rows.Select(r => (double[])r.Clone())];
        _malignant = [.. malignant];
        _cases = cases is null ? new string?[rows.Count] : [.. cases];
        Sha256 = DataFingerprint.OfText(Lines());
    }

    /// <summary>The 30 WDBC features, in the order of every row.</summary>
    public static IReadOnlyList<string> Features => FeatureCatalog.WdbcFeatures;

    /// <summary>No rows.</summary>
    public static AddedTrainingRows None { get; } = new([], []);

    /// <summary>The rows, in order: this instance's own arrays, copied from those it was made of, to be read and not written.</summary>
    public IReadOnlyList<double[]> Rows => _rows;

    /// <summary>Each row's diagnosis: true for malignant.</summary>
    public IReadOnlyList<bool> Malignant => _malignant;

    /// <summary>Each row's case, null where none was given.</summary>
    public IReadOnlyList<string?> Cases => _cases;

    /// <summary>Whether any row has a case; only then does the file have a <c>case</c> column.</summary>
    public bool HasCases => _cases.Any(c => c is not null);

    /// <summary>How many rows.</summary>
    public int Count => _rows.Length;

    /// <summary>How many of them are malignant.</summary>
    public int MalignantCount => _malignant.Count(m => m);

    /// <summary>
    /// The SHA-256, lower-case hex, of the file's lines after the header (<see cref="ToCsv"/>): for rows without cases,
    /// the rows' canonical text (<see cref="DataFingerprint.OfRows(IReadOnlyList{double[]}, IReadOnlyList{bool})"/>).
    /// </summary>
    public string Sha256 { get; }

    /// <summary>What a card records of these rows.</summary>
    public AddedRowsSummary Summary() => new(FileName, Count, MalignantCount, Sha256);

    /// <summary>These rows followed by <paramref name="more"/>.</summary>
    public AddedTrainingRows Concat(AddedTrainingRows more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return new AddedTrainingRows([.. _rows, .. more._rows], [.. _malignant, .. more._malignant], [.. _cases, .. more._cases]);
    }

    /// <summary>
    /// The file's text: a header <c>diagnosis,radius_mean,…</c> (the features in catalogue order, then <c>case</c> when
    /// <see cref="HasCases"/>), then one line per row, <c>M</c> or <c>B</c>, the values in round-trip format and the
    /// case as given (empty for none; it may hold commas, being the last cell), each line ending in <c>\n</c>. The
    /// lines after the header are the text <see cref="Sha256"/> is taken over.
    /// </summary>
    public string ToCsv() => Header(HasCases) + "\n" + Lines();

    private static string Header(bool withCases) => string.Join(',', [DiagnosisColumn, .. Features, .. withCases ? [CaseColumn] : Array.Empty<string>()]);

    private string Lines()
    {
        var text = new StringBuilder();
        var withCases = HasCases;
        for (var r = 0; r < _rows.Length; r++)
        {
            DataFingerprint.AppendLine(text, _rows[r], _malignant[r]);
            if (withCases)
            {
                text.Insert(text.Length - 1, "," + _cases[r]);
            }
        }

        return text.ToString();
    }

    /// <summary>Reads the rows of <paramref name="path"/> and checks them against what the card says of them.</summary>
    /// <exception cref="ModelFileException">The file is missing, is not in the format of <see cref="ToCsv"/> (the message names the line and why), or its rows are not the ones the card records.</exception>
    public static AddedTrainingRows Read(string path, AddedRowsSummary expected)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(expected);
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, $"the card says the model was trained on {expected.Rows} added rows kept in this file, but it is missing");
        }

        string[] lines;
        try
        {
            lines = File.ReadAllText(path).Split('\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFileException(path, $"cannot be read: {e.Message}", e);
        }

        var withCases = lines[0].TrimEnd('\r') == Header(withCases: true);
        if (!withCases && lines[0].TrimEnd('\r') != Header(withCases: false))
        {
            throw new ModelFileException(path, $"line 1: the header must be {DiagnosisColumn} and the {Features.Count} WDBC features in catalogue order, then optionally {CaseColumn} ({Header(withCases: false)})");
        }

        var (rows, malignant, cases) = (new List<double[]>(), new List<bool>(), new List<string?>());
        var last = lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 1; i < last; i++)
        {
            rows.Add(ParseLine(path, i + 1, lines[i], withCases, out var isMalignant, out var @case));
            malignant.Add(isMalignant);
            cases.Add(@case);
        }

        AddedTrainingRows read;
        try
        {
            read = new AddedTrainingRows(rows, malignant, cases);
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException(path, e.Message, e);
        }

        if (read.Count != expected.Rows || read.Sha256 != expected.RowsSha256)
        {
            throw new ModelFileException(path,
                $"holds {read.Count} rows with SHA-256 {read.Sha256}, but the card records {expected.Rows} rows with SHA-256 {expected.RowsSha256}: the file was changed after the model was saved");
        }

        return read;
    }

    private static double[] ParseLine(string path, int line, string text, bool withCases, out bool malignant, out string? @case)
    {
        var width = Features.Count + (withCases ? 2 : 1);
        var cells = withCases ? text.TrimEnd('\r').Split(',', width) : text.TrimEnd('\r').Split(',');
        if (cells.Length != width)
        {
            throw new ModelFileException(path, $"line {line}: {cells.Length} cells, but the header has {width}");
        }

        @case = withCases && cells[^1].Length > 0 ? cells[^1] : null;

        malignant = cells[0] switch
        {
            "M" => true,
            "B" => false,
            _ => throw new ModelFileException(path, $"line {line}: {DiagnosisColumn} must be M or B, not \"{cells[0]}\""),
        };
        var values = new double[Features.Count];
        for (var f = 0; f < values.Length; f++)
        {
            if (!double.TryParse(cells[f + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out values[f]) || !double.IsFinite(values[f]))
            {
                throw new ModelFileException(path, $"line {line}: {Features[f]} must be a finite number, not \"{cells[f + 1]}\"");
            }
        }

        return values;
    }
}
