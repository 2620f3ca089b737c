using Microsoft.Data.Analysis;
using Microsoft.ML;

namespace BreastCancer.Analysis.Data;

/// <summary>
/// A loaded, validated data set: canonical feature names, the feature matrix (NaN marks a missing cell, the only
/// NaN there can be: NaN in a file is an error), the labels with <b>malignant as the positive class</b>, the patient
/// ids where the file has them, the line each row came from, and the warnings found while loading. Immutable: every
/// operation that selects or changes rows returns a new data set.
/// </summary>
public sealed class BreastCancerData
{
    private readonly double[][] _rows;
    private readonly bool[] _malignant;
    private readonly string?[]? _ids;
    private readonly int[] _lines;

    internal BreastCancerData(DataSetKind kind, string source, CsvLayout layout, IReadOnlyList<double[]> rows, IReadOnlyList<bool> malignant,
        IReadOnlyList<string?>? ids, IReadOnlyList<int> lines, IReadOnlyList<ValidationFinding> warnings)
    {
        Kind = kind;
        Source = source;
        Layout = layout;
        _rows = [.. rows.Select(r => (double[])r.Clone())];
        _malignant = [.. malignant];
        _ids = ids is null ? null : [.. ids];
        _lines = [.. lines];
        Warnings = warnings;
    }

    /// <summary>Which data set this is.</summary>
    public DataSetKind Kind { get; }

    /// <summary>The file the rows were loaded from.</summary>
    public string Source { get; }

    /// <summary>The layout the file was recognised as.</summary>
    public CsvLayout Layout { get; }

    /// <summary>The canonical feature names in catalogue order (<see cref="FeatureCatalog"/>).</summary>
    public IReadOnlyList<string> FeatureNames => FeatureCatalog.FeaturesOf(Kind);

    /// <summary>Number of rows (samples).</summary>
    public int RowCount => _rows.Length;

    /// <summary>Number of features.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Whether each row is malignant (the positive class) rather than benign.</summary>
    public IReadOnlyList<bool> IsMalignant => _malignant;

    /// <summary>Each row's patient or sample id, or null when the file has no id column (WDBC as shipped).</summary>
    public IReadOnlyList<string?>? Ids => _ids;

    /// <summary>The physical line of the source file each row came from (1-based).</summary>
    public IReadOnlyList<int> SourceLines => _lines;

    /// <summary>Warnings found while loading (missing values, ignored empty columns, …); errors would have stopped it.</summary>
    public IReadOnlyList<ValidationFinding> Warnings { get; }

    /// <summary>What validation found in the source file: its warnings (a data set with errors is never loaded).</summary>
    public ValidationReport Validation => new(Source, Warnings);

    /// <summary>The value of one cell; NaN when it is missing.</summary>
    public double this[int row, int feature] => _rows[row][feature];

    /// <summary>A copy of one row's features.</summary>
    public double[] Row(int row) => (double[])_rows[row].Clone();

    /// <summary>A copy of one feature's values over all rows.</summary>
    public double[] Column(int feature) => [.. _rows.Select(r => r[feature])];

    /// <summary>A copy of one feature's values over all rows, by name.</summary>
    public double[] Column(string feature) => Column(IndexOf(feature));

    /// <summary>The position of a feature, by canonical name; a clear error for a name the data set does not have.</summary>
    public int IndexOf(string feature)
    {
        var index = FeatureNames.ToList().IndexOf(feature);
        return index >= 0 ? index : throw new ArgumentException($"{Kind} has no feature '{feature}' (features: {string.Join(", ", FeatureNames)})", nameof(feature));
    }

    /// <summary>The feature matrix as a copy, one array per row.</summary>
    public double[][] ToArray() => [.. _rows.Select(r => (double[])r.Clone())];

    /// <summary>True when the row has at least one missing cell.</summary>
    public bool HasMissing(int row) => _rows[row].Any(double.IsNaN);

    /// <summary>A data set of the given rows, in the given order.</summary>
    public BreastCancerData Subset(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new BreastCancerData(Kind, Source, Layout, [.. rows.Select(r => _rows[r])], [.. rows.Select(r => _malignant[r])],
            _ids is null ? null : [.. rows.Select(r => _ids[r])], [.. rows.Select(r => _lines[r])], Warnings);
    }

    /// <summary>
    /// The data set without its incomplete rows, an explicit choice the notebook makes and reports (imputation inside
    /// the training folds is the alternative); <paramref name="dropped"/> gets the source lines of the rows left out.
    /// </summary>
    public BreastCancerData WithoutIncompleteRows(out IReadOnlyList<int> dropped)
    {
        var keep = Enumerable.Range(0, RowCount).Where(r => !HasMissing(r)).ToList();
        dropped = [.. Enumerable.Range(0, RowCount).Where(HasMissing).Select(r => _lines[r])];
        return Subset(keep);
    }

    /// <summary>The data set as a DataFrame for display: id (if any), the features (missing as null), and the diagnosis as M/B.</summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>();
        if (_ids is not null)
        {
            columns.Add(new StringDataFrameColumn("id", _ids));
        }

        for (var f = 0; f < FeatureCount; f++)
        {
            var feature = f;
            columns.Add(new DoubleDataFrameColumn(FeatureNames[f], _rows.Select(r => double.IsNaN(r[feature]) ? (double?)null : r[feature])));
        }

        columns.Add(new StringDataFrameColumn(Kind == DataSetKind.Wdbc ? "diagnosis" : "class", _malignant.Select(m => m ? "M" : "B")));
        return new DataFrame(columns);
    }

    /// <summary>
    /// The data set as an ML.NET <see cref="IDataView"/> for training: a <c>Features</c> vector column (single
    /// precision, as ML.NET's trainers take; missing cells stay NaN) and a boolean <c>Label</c>, true for malignant.
    /// </summary>
    public IDataView ToDataView(MLContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return MlNetRows.ToDataView(context, _rows, _malignant);
    }
}
