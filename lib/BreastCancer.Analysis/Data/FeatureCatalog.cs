using System.Collections.Frozen;
using System.Text;

namespace BreastCancer.Analysis.Data;

/// <summary>
/// The canonical column names of both data sets, the other names they go by in copies found elsewhere, and the
/// physical bounds of each feature. Names are matched ignoring case, spaces and punctuation
/// (<c>concave points_mean</c>, <c>Concave-Points Mean</c> and <c>concave_points_mean</c> are one column).
/// </summary>
public static class FeatureCatalog
{
    /// <summary>The ten nuclear properties of WDBC, in file order (Street et al. 1993).</summary>
    public static readonly IReadOnlyList<string> WdbcProperties =
        ["radius", "texture", "perimeter", "area", "smoothness", "compactness", "concavity", "concave_points", "symmetry", "fractal_dimension"];

    /// <summary>The 30 WDBC features in file order: the ten means, the ten standard errors, the ten worst values.</summary>
    public static readonly IReadOnlyList<string> WdbcFeatures =
        [.. new[] { "mean", "se", "worst" }.SelectMany(statistic => WdbcProperties.Select(p => $"{p}_{statistic}"))];

    /// <summary>The nine WBCO cytology scores in file order (Wolberg &amp; Mangasarian 1990).</summary>
    public static readonly IReadOnlyList<string> WbcoFeatures =
    [
        "clump_thickness", "cell_size_uniformity", "cell_shape_uniformity", "marginal_adhesion", "epithelial_cell_size",
        "bare_nuclei", "bland_chromatin", "normal_nucleoli", "mitoses",
    ];

    /// <summary>Names of the label column: <c>diagnosis</c> (WDBC) and <c>class</c> (WBCO), and their aliases.</summary>
    public static readonly IReadOnlyList<string> LabelNames = ["diagnosis", "class", "target", "label"];

    /// <summary>Names of the patient or sample id column.</summary>
    public static readonly IReadOnlyList<string> IdNames = ["id", "sample_code_number", "sample_id", "patient_id"];

    private static readonly FrozenDictionary<string, string> WbcoAliases = new Dictionary<string, string>
    {
        // mlbench's BreastCancer data frame
        ["Cl.thickness"] = "clump_thickness",
        ["Cell.size"] = "cell_size_uniformity",
        ["Cell.shape"] = "cell_shape_uniformity",
        ["Marg.adhesion"] = "marginal_adhesion",
        ["Epith.c.size"] = "epithelial_cell_size",
        ["Bare.nuclei"] = "bare_nuclei",
        ["Bl.cromatin"] = "bland_chromatin",
        ["Normal.nucleoli"] = "normal_nucleoli",

        // the UCI documentation's wording
        ["Uniformity of Cell Size"] = "cell_size_uniformity",
        ["Uniformity of Cell Shape"] = "cell_shape_uniformity",
        ["Single Epithelial Cell Size"] = "epithelial_cell_size",
    }.ToFrozenDictionary(p => Normalize(p.Key), p => p.Value);

    /// <summary>The canonical features of a kind of data set, in file order.</summary>
    public static IReadOnlyList<string> FeaturesOf(DataSetKind kind) => kind == DataSetKind.Wdbc ? WdbcFeatures : WbcoFeatures;

    /// <summary>A name with case, spaces and punctuation removed: the key names are matched by.</summary>
    public static string Normalize(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (var c in name.Where(char.IsLetterOrDigit))
        {
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    /// <summary>The canonical feature a header name stands for, and the data set it belongs to; null when it is none.</summary>
    public static (DataSetKind Kind, string Feature)? FindFeature(string header)
    {
        var key = Normalize(header);
        if (key.Length == 0)
        {
            return null;
        }

        foreach (var kind in new[] { DataSetKind.Wdbc, DataSetKind.Wbco })
        {
            var match = FeaturesOf(kind).FirstOrDefault(f => Normalize(f) == key);
            if (match is not null)
            {
                return (kind, match);
            }
        }

        return WbcoAliases.TryGetValue(key, out var alias) ? (DataSetKind.Wbco, alias) : null;
    }

    /// <summary>True when a header names the label column.</summary>
    public static bool IsLabel(string header) => LabelNames.Any(n => Normalize(n) == Normalize(header));

    /// <summary>True when a header names the id column.</summary>
    public static bool IsId(string header) => IdNames.Any(n => Normalize(n) == Normalize(header));
}
