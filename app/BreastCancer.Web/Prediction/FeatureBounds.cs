using BreastCancer.Analysis.Data;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// The physical bounds of each WDBC feature, far outside any real measurement, that reject impossible input (a negative
/// size, a value of 10⁶) while the training ranges of the model card only warn. Every feature is at least 0; the mean
/// and worst radius, perimeter and area must be more than 0 (a nucleus has a size). Upper bounds, the same for a
/// property's mean, standard error and worst value:
/// radius 250 image length units (the largest training value is about 36), perimeter 2 000 (2π × 250 ≈ 1 571),
/// area 200 000 squared units (π × 250² ≈ 196 350), texture 255 grey levels (a standard deviation of 8-bit grey
/// values is at most 127.5), smoothness 1, compactness 10, concavity 10, concave points 1, symmetry 2 and fractal
/// dimension 1 (dimensionless; the largest training values are about 0.22, 1.06, 1.25, 0.29, 0.66 and 0.21).
/// </summary>
public static class FeatureBounds
{
    private static readonly Dictionary<string, double> Upper = new(StringComparer.Ordinal)
    {
        ["radius"] = 250,
        ["texture"] = 255,
        ["perimeter"] = 2_000,
        ["area"] = 200_000,
        ["smoothness"] = 1,
        ["compactness"] = 10,
        ["concavity"] = 10,
        ["concave_points"] = 1,
        ["symmetry"] = 2,
        ["fractal_dimension"] = 1,
    };

    private static readonly HashSet<string> Sizes = new(["radius", "perimeter", "area"], StringComparer.Ordinal);

    private static readonly Dictionary<string, FeatureBound> Bounds = FeatureCatalog.WdbcFeatures.ToDictionary(f => f, f =>
    {
        var cut = f.LastIndexOf('_');
        var (property, statistic) = (f[..cut], f[(cut + 1)..]);
        return new FeatureBound(f, property, Upper[property], Sizes.Contains(property) && statistic != "se");
    }, StringComparer.Ordinal);

    /// <summary>The bounds of <paramref name="feature"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of the 30 WDBC features.</exception>
    public static FeatureBound For(string feature)
    {
        ArgumentNullException.ThrowIfNull(feature);
        return Bounds.TryGetValue(feature, out var bound) ? bound : throw new ArgumentException($"'{feature}' is not a WDBC feature", nameof(feature));
    }

    /// <summary>Why <paramref name="value"/> of <paramref name="feature"/> is impossible, or null when it is within the bounds.</summary>
    public static string? Problem(string feature, double value) => For(feature).Problem(value);

    /// <summary>A number as the messages write it.</summary>
    public static string Format(double value) => value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
