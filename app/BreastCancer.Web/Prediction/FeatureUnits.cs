namespace BreastCancer.Web.Prediction;

/// <summary>What each of WDBC's ten nuclear properties measures and its unit, as <c>data/README.md</c> gives them, and the three statistics' names.</summary>
public static class FeatureUnits
{
    private static readonly Dictionary<string, (string Meaning, string Unit)> Properties = new(StringComparer.Ordinal)
    {
        ["radius"] = ("mean distance from the centre to the points of the contour", "image length units"),
        ["texture"] = ("standard deviation of the grey-scale values inside the contour", "grey levels"),
        ["perimeter"] = ("length of the contour", "image length units"),
        ["area"] = ("area inside the contour", "image length units squared"),
        ["smoothness"] = ("local variation in radius lengths", "dimensionless"),
        ["compactness"] = ("perimeter² / area − 1.0", "dimensionless"),
        ["concavity"] = ("severity of the concave portions of the contour", "dimensionless"),
        ["concave_points"] = ("number of concave portions of the contour (normalised)", "dimensionless"),
        ["symmetry"] = ("difference in length of chords perpendicular to the major axis, through the centre", "dimensionless"),
        ["fractal_dimension"] = ("\"coastline approximation\" − 1 of the contour", "dimensionless"),
    };

    /// <summary>The three statistics in file order, with their headings.</summary>
    public static IReadOnlyList<(string Key, string Heading)> Statistics { get; } =
        [("mean", "Mean over the nuclei"), ("se", "Standard error over the nuclei"), ("worst", "Worst: mean of the three largest values")];

    /// <summary>The unit of a property, e.g. <c>grey levels</c> for <c>texture</c>.</summary>
    public static string UnitOf(string property) => Properties[property].Unit;

    /// <summary>What a property measures.</summary>
    public static string MeaningOf(string property) => Properties[property].Meaning;
}
