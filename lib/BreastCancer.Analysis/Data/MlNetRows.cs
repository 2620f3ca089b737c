using Microsoft.ML;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Data;

/// <summary>
/// Plain rows as an ML.NET <see cref="IDataView"/>: a single-precision <c>Features</c> vector (ML.NET's trainers take
/// <c>float</c>) and a boolean <c>Label</c>, true for malignant. The one place rows cross into ML.NET.
/// </summary>
internal static class MlNetRows
{
    /// <summary>The view of <paramref name="rows"/>; <paramref name="labels"/> may be null for rows to score.</summary>
    public static IDataView ToDataView(MLContext context, IReadOnlyList<double[]> rows, IReadOnlyList<bool>? labels) =>
        context.Data.LoadFromEnumerable(rows.Select((r, i) => new Row { Features = [.. r.Select(v => (float)v)], Label = labels?[i] ?? false }),
            Definition(rows.Count > 0 ? rows[0].Length : 0));

    /// <summary>The schema of such a view with <paramref name="features"/> features: what a saved ML.NET model reads.</summary>
    public static DataViewSchema Schema(MLContext context, int features) =>
        context.Data.LoadFromEnumerable(Array.Empty<Row>(), Definition(features)).Schema;

    private static SchemaDefinition Definition(int features)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features);
        return schema;
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
