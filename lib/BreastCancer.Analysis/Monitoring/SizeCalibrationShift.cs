namespace BreastCancer.Analysis.Monitoring;

/// <summary>
/// A simulated measurement shift, for rehearsing monitoring: a scanner (or segmentation) whose lengths read a factor
/// <c>k</c> too high. Radius and perimeter (mean, standard error and worst) are lengths and are multiplied by <c>k</c>;
/// area is a length squared and is multiplied by <c>k²</c>; texture, smoothness and the other shape features are
/// unitless ratios or grey-level spreads and are left as they are.
/// </summary>
public static class SizeCalibrationShift
{
    /// <summary>
    /// <paramref name="rows"/> (values of <paramref name="features"/>, the WDBC names) as a scanner reading lengths
    /// <paramref name="factor"/> times too high would measure them; the rows given are not changed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The factor is not a positive finite number.</exception>
    /// <exception cref="ArgumentException">A row's length is not the number of features, or no feature is a radius, perimeter or area.</exception>
    public static double[][] Apply(IReadOnlyList<double[]> rows, IReadOnlyList<string> features, double factor)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        if (!double.IsFinite(factor) || factor <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the factor must be a positive finite number, e.g. 1.15 for lengths read 15 % high");
        }

        var scale = features.Select(f => f.Split('_')[0] switch
        {
            "radius" or "perimeter" => factor,
            "area" => factor * factor,
            _ => 1.0,
        }).ToArray();
        if (scale.All(s => s == 1.0) && factor != 1.0)
        {
            throw new ArgumentException($"none of the features ({string.Join(", ", features)}) is a radius, perimeter or area: nothing to shift", nameof(features));
        }

        return [.. rows.Select((row, r) => row.Length == scale.Length
            ? row.Select((value, f) => value * scale[f]).ToArray()
            : throw new ArgumentException($"row {r + 1} has {row.Length} values for {scale.Length} features", nameof(rows)))];
    }
}
