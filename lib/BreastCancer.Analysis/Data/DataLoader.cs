using System.Globalization;

namespace BreastCancer.Analysis.Data;

/// <summary>
/// Loads either Wisconsin data set from the layouts users bring (<see cref="CsvLayout"/>), recognised from the content,
/// and validates every cell. Nothing is fixed silently: every defect becomes a finding naming file, line, column and
/// value; any error makes loading fail with the whole <see cref="ValidationReport"/>, and warnings (missing values, an
/// ignored empty column, a file without a final line break) stay on the loaded <see cref="BreastCancerData"/>.
/// </summary>
public static class DataLoader
{
    private static readonly string[] MissingMarkers = ["", "?", "NA"];

    /// <summary>Loads a file; throws <see cref="DataValidationException"/> (with the report) when it has errors.</summary>
    public static BreastCancerData Load(string path, LoadOptions? options = null)
    {
        var (data, report) = Read(path, options ?? LoadOptions.Default);
        return data ?? throw new DataValidationException(report);
    }

    /// <summary>Validates a file without throwing: the report of everything found, errors and warnings.</summary>
    public static ValidationReport Validate(string path, LoadOptions? options = null) => Read(path, options ?? LoadOptions.Default).Report;

    private static (BreastCancerData? Data, ValidationReport Report) Read(string path, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no data file at {Path.GetFullPath(path)}", path);
        }

        var findings = new Findings(path);
        var csv = CsvText.Parse(File.ReadAllText(path));
        var records = csv.Records.Where(r => !IsBlank(r)).ToList();
        foreach (var blank in csv.Records.Where(IsBlank))
        {
            findings.Warning(blank.Line, null, null, "blank line ignored");
        }

        if (records.Count == 0)
        {
            findings.Error(null, null, null, "the file is empty: no header and no rows");
            return (null, findings.Report);
        }

        var (layout, kind, columns, dataRecords, fieldCount) = Recognise(records, findings, options);
        if (kind is null || columns is null)
        {
            return (null, findings.Report);
        }

        if (dataRecords.Count == 0)
        {
            findings.Error(records[0].Line, null, null, "the file has a header but no data rows");
        }

        if (!csv.EndsWithLineBreak)
        {
            findings.Warning(csv.Records[^1].Line, null, null, "the file does not end with a line break: its last line may be truncated");
        }

        var data = ReadRows(path, new RowLayout(layout, kind.Value, columns, fieldCount, csv.Delimiter), dataRecords, findings, options);
        return (findings.HasErrors ? null : data, findings.Report);
    }

    private static string Name(DataSetKind kind) => kind.ToString().ToUpperInvariant();

    private static bool IsBlank(CsvRecord record) => record.Fields.All(string.IsNullOrWhiteSpace) && record.Fields.Count <= 1;

    private static (CsvLayout Layout, DataSetKind? Kind, IReadOnlyList<ColumnRole>? Columns, IReadOnlyList<CsvRecord> Rows, int FieldCount) Recognise(
        List<CsvRecord> records, Findings findings, LoadOptions options)
    {
        var first = records[0];
        var named = first.Fields.Count(f => FeatureCatalog.FindFeature(f) is not null || FeatureCatalog.IsLabel(f) || FeatureCatalog.IsId(f));
        if (named >= 2)
        {
            var (kind, columns) = MapHeader(first, records.Skip(1).ToList(), findings, options);
            return (CsvLayout.Headed, kind, columns, records.Skip(1).ToList(), first.Fields.Count);
        }

        var count = first.Fields.Count;
        if (count == 2 + FeatureCatalog.WdbcFeatures.Count && first.Fields[1].Trim() is "M" or "B")
        {
            return (CsvLayout.UciWdbc, CheckKind(DataSetKind.Wdbc, first, findings, options), PositionalColumns(DataSetKind.Wdbc), records, count);
        }

        if (count == 2 + FeatureCatalog.WbcoFeatures.Count && first.Fields[^1].Trim() is "2" or "4")
        {
            return (CsvLayout.UciWbco, CheckKind(DataSetKind.Wbco, first, findings, options), PositionalColumns(DataSetKind.Wbco), records, count);
        }

        findings.Error(first.Line, null, null,
            $"unrecognised layout: the first line has {count} fields and no header naming the columns; expected a header, "
            + "or UCI's wdbc.data (32 fields: id, M/B, 30 features) or breast-cancer-wisconsin.data (11 fields: id, 9 scores, class 2/4)");
        return (CsvLayout.Headed, null, null, [], count);
    }

    private static DataSetKind? CheckKind(DataSetKind kind, CsvRecord first, Findings findings, LoadOptions options)
    {
        if (options.ExpectedKind is { } expected && expected != kind)
        {
            findings.Error(first.Line, null, null, $"the file holds {Name(kind)} data, but {Name(expected)} was expected");
            return null;
        }

        return kind;
    }

    private static List<ColumnRole> PositionalColumns(DataSetKind kind)
    {
        var features = FeatureCatalog.FeaturesOf(kind);
        var columns = new List<ColumnRole> { new(0, "1 (id)", ColumnKind.Id) };
        columns.AddRange(kind == DataSetKind.Wdbc
            ? [new ColumnRole(1, "2 (diagnosis)", ColumnKind.Label), .. features.Select((f, i) => new ColumnRole(i + 2, f, ColumnKind.Feature, i))]
            : [.. features.Select((f, i) => new ColumnRole(i + 1, f, ColumnKind.Feature, i)), new ColumnRole(features.Count + 1, "class", ColumnKind.Label)]);
        return columns;
    }

    private static (DataSetKind? Kind, IReadOnlyList<ColumnRole>? Columns) MapHeader(CsvRecord header, List<CsvRecord> rows, Findings findings, LoadOptions options)
    {
        var columns = new List<ColumnRole>();
        var kinds = new HashSet<DataSetKind>();
        for (var position = 0; position < header.Fields.Count; position++)
        {
            var name = header.Fields[position].Trim();
            if (FeatureCatalog.FindFeature(name) is { } feature)
            {
                kinds.Add(feature.Kind);
                columns.Add(new ColumnRole(position, name, ColumnKind.Feature, FeatureCatalog.FeaturesOf(feature.Kind).ToList().IndexOf(feature.Feature)));
            }
            else if (FeatureCatalog.IsLabel(name))
            {
                columns.Add(new ColumnRole(position, name, ColumnKind.Label));
            }
            else if (FeatureCatalog.IsId(name))
            {
                columns.Add(new ColumnRole(position, name, ColumnKind.Id));
            }
            else if (name.Length == 0 || name.StartsWith("Unnamed:", StringComparison.Ordinal))
            {
                var shown = name.Length == 0 ? $"{position + 1}" : name;
                if (rows.All(r => position >= r.Fields.Count || string.IsNullOrWhiteSpace(r.Fields[position])))
                {
                    findings.Warning(header.Line, shown, null, "a column with no header and no values (a separator at the end of every line) is ignored");
                    columns.Add(new ColumnRole(position, shown, ColumnKind.Ignored));
                }
                else
                {
                    findings.Error(header.Line, shown, null, "a column has no header but holds values");
                }
            }
            else
            {
                findings.Error(header.Line, name, null, "unknown column: not a WDBC or WBCO feature, nor a label or id column");
            }
        }

        if (kinds.Count > 1)
        {
            findings.Error(header.Line, null, null, "the header mixes WDBC and WBCO columns");
            return (null, null);
        }

        if (kinds.Count == 0)
        {
            findings.Error(header.Line, null, null, "the header names no feature of WDBC or WBCO");
            return (null, null);
        }

        var kind = kinds.Single();
        if (CheckKind(kind, header, findings, options) is null)
        {
            return (null, null);
        }

        foreach (var group in columns.Where(c => c.Kind != ColumnKind.Ignored).GroupBy(c => (c.Kind, c.Feature)).Where(g => g.Count() > 1))
        {
            var positions = string.Join(", ", group.Select(c => $"'{c.Header}' (column {c.Position + 1})"));
            var what = group.Key.Kind == ColumnKind.Feature ? FeatureCatalog.FeaturesOf(kind)[group.Key.Feature] : group.Key.Kind.ToString().ToLowerInvariant();
            findings.Error(header.Line, group.First().Header, null, $"duplicate column: {positions} all name {what}");
        }

        var missing = FeatureCatalog.FeaturesOf(kind).Where((_, i) => !columns.Any(c => c.Kind == ColumnKind.Feature && c.Feature == i)).ToList();
        if (missing.Count > 0)
        {
            findings.Error(header.Line, null, null, $"missing {Name(kind)} column{(missing.Count == 1 ? "" : "s")}: {string.Join(", ", missing)}");
        }

        if (!columns.Any(c => c.Kind == ColumnKind.Label))
        {
            findings.Error(header.Line, null, null, $"no label column (one of: {string.Join(", ", FeatureCatalog.LabelNames)})");
        }

        return (kind, columns);
    }

    private static BreastCancerData ReadRows(string path, RowLayout shape, IReadOnlyList<CsvRecord> records, Findings findings, LoadOptions options)
    {
        var (layout, kind, columns, expectedFields, delimiter) = shape;
        var featureCount = FeatureCatalog.FeaturesOf(kind).Count;
        var values = new List<double[]>();
        var labels = new List<bool>();
        var ids = new List<string?>();
        var lines = new List<int>();
        var hasIds = columns.Any(c => c.Kind == ColumnKind.Id);
        foreach (var record in records)
        {
            if (record.Fields.Count != expectedFields)
            {
                findings.Error(record.Line, null, null,
                    $"the line has {record.Fields.Count} fields, but {(layout == CsvLayout.Headed ? "the header has" : $"the {layout} layout has")} {expectedFields}");
                continue;
            }

            var row = new double[featureCount];
            bool? malignant = null;
            string? id = null;
            var ok = true;
            foreach (var column in columns)
            {
                var text = record.Fields[column.Position];
                switch (column.Kind)
                {
                    case ColumnKind.Feature:
                        var value = ParseFeature(kind, text, delimiter, record.Line, column.Header, findings);
                        ok &= value is not null;
                        row[column.Feature] = value ?? double.NaN;
                        break;
                    case ColumnKind.Label:
                        malignant = ParseLabel(layout, text, record.Line, column.Header, findings, options);
                        ok &= malignant is not null;
                        break;
                    case ColumnKind.Id:
                        id = text.Trim();
                        if (id.Length == 0)
                        {
                            findings.Warning(record.Line, column.Header, text, "missing id: the row cannot be grouped with its patient's other rows");
                            id = null;
                        }

                        break;
                    default:
                        break;
                }
            }

            if (ok)
            {
                values.Add(row);
                labels.Add(malignant!.Value);
                ids.Add(id);
                lines.Add(record.Line);
            }
        }

        return new BreastCancerData(kind, path, layout, values, labels, hasIds ? ids : null, lines, findings.Report.Warnings);
    }

    /// <summary>The value of a feature cell: NaN for a missing cell, null (with an error) for one that is wrong.</summary>
    private static double? ParseFeature(DataSetKind kind, string text, char delimiter, int line, string column, Findings findings)
    {
        var trimmed = text.Trim();
        if (MissingMarkers.Contains(trimmed, StringComparer.Ordinal))
        {
            findings.Warning(line, column, text, "missing value");
            return double.NaN;
        }

        var number = delimiter == ';' && trimmed.Count(c => c == ',') == 1 && !trimmed.Contains('.', StringComparison.Ordinal)
            ? trimmed.Replace(',', '.')
            : trimmed;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            findings.Error(line, column, text, "not a number");
            return null;
        }

        if (!double.IsFinite(value))
        {
            findings.Error(line, column, text, "not a finite number (NaN and infinity are not measurements; leave the cell empty if the value is missing)");
            return null;
        }

        if (kind == DataSetKind.Wdbc && value < 0)
        {
            findings.Error(line, column, text, "negative, but every WDBC feature is a size, a texture or a shape measure, which cannot be");
            return null;
        }

        if (kind == DataSetKind.Wbco && (value != Math.Floor(value) || value < 1 || value > 10))
        {
            findings.Error(line, column, text, "not a cytology score: scores are whole numbers from 1 to 10");
            return null;
        }

        return value;
    }

    private static bool? ParseLabel(CsvLayout layout, string text, int line, string column, Findings findings, LoadOptions options)
    {
        var trimmed = text.Trim();
        if (trimmed.Equals("M", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (trimmed.Equals("B", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (layout == CsvLayout.UciWbco && trimmed is "2" or "4")
        {
            return trimmed == "4";
        }

        foreach (var (alias, malignant) in options.LabelAliases)
        {
            if (alias.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return malignant;
            }
        }

        findings.Error(line, column, text, trimmed.Length == 0
            ? "missing label: every row needs its diagnosis"
            : "not a label: expected M (malignant) or B (benign); declare other codings in LoadOptions.LabelAliases");
        return null;
    }

    private sealed record RowLayout(CsvLayout Layout, DataSetKind Kind, IReadOnlyList<ColumnRole> Columns, int FieldCount, char Delimiter);

    /// <summary>Collects findings for one file.</summary>
    private sealed class Findings(string file)
    {
        private readonly List<ValidationFinding> _items = [];

        public bool HasErrors => _items.Any(f => f.Severity == Severity.Error);

        public ValidationReport Report => new(file, [.. _items]);

        public void Error(int? line, string? column, string? value, string message) => _items.Add(new(Severity.Error, file, line, column, value, message));

        public void Warning(int? line, string? column, string? value, string message) => _items.Add(new(Severity.Warning, file, line, column, value, message));
    }
}
