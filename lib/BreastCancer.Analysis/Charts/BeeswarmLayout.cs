namespace BreastCancer.Analysis.Charts;

/// <summary>Where the points of a SHAP beeswarm go and how they are coloured.</summary>
internal static class BeeswarmLayout
{
    /// <summary>
    /// Vertical offsets for one beeswarm row, as shap's summary plot computes them but without its random tie-break: values
    /// cut into 100 bins over their range, each bin's points (in row order) alternating 0, +1, −1, +2, −2, …, scaled so the
    /// widest pile spans ±0.36 of the gap between rows.
    /// </summary>
    public static double[] Offsets(IReadOnlyList<double> values)
    {
        const int Bins = 100;
        var (min, max) = (values.Min(), values.Max());
        var bin = values.Select(v => Math.Round(Bins * (v - min) / (max - min + 1e-8))).ToArray();
        var offsets = new double[values.Count];
        var (layer, last) = (0, double.NaN);
        foreach (var r in Enumerable.Range(0, values.Count).OrderBy(r => bin[r]))
        {
            layer = bin[r] == last ? layer : 0;
            offsets[r] = Math.Ceiling(layer / 2.0) * (layer % 2 == 1 ? 1 : -1);
            layer++;
            last = bin[r];
        }

        var widest = offsets.Max(o => Math.Abs(o)) + 1;
        return [.. offsets.Select(o => o * 0.9 * 0.4 / widest)];
    }

    /// <summary>The values scaled to 0–1 by their minimum and maximum (NaN stays NaN; a constant column is 0.5).</summary>
    public static double[] Scaled(IReadOnlyList<double> values)
    {
        var known = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).ToArray();
        var (min, max) = (known.Min(), known.Max());
        return [.. values.Select(v => double.IsNaN(v) ? double.NaN : max > min ? (v - min) / (max - min) : 0.5)];
    }
}
