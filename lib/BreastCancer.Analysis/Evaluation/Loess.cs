namespace BreastCancer.Analysis.Evaluation;

/// <summary>
/// Loess at one point (Cleveland 1979, JASA 74:829–836): a weighted least-squares line through the nearest
/// ⌈span · n⌉ points, weighted by the tricube of their distance over the largest distance among them, evaluated at the
/// point. Degree 1, no robustness iterations.
/// </summary>
internal static class Loess
{
    /// <summary>The local linear fit of <paramref name="y"/> on <paramref name="x"/> at <paramref name="at"/>.</summary>
    public static double At(IReadOnlyList<double> x, IReadOnlyList<double> y, double at, double span)
    {
        var k = Math.Clamp((int)Math.Ceiling(span * x.Count), 2, x.Count);
        var nearest = Enumerable.Range(0, x.Count).OrderBy(i => Math.Abs(x[i] - at)).Take(k).ToArray();
        var reach = nearest.Max(i => Math.Abs(x[i] - at));
        double sw = 0, swx = 0, swy = 0, swxx = 0, swxy = 0;
        foreach (var i in nearest)
        {
            var u = reach > 0 ? Math.Abs(x[i] - at) / (reach * 1.0000001) : 0;
            var w = Math.Pow(1 - u * u * u, 3);
            sw += w;
            swx += w * x[i];
            swy += w * y[i];
            swxx += w * x[i] * x[i];
            swxy += w * x[i] * y[i];
        }

        var variance = sw * swxx - swx * swx;
        if (variance <= 1e-12 * sw * sw)
        {
            return swy / sw;
        }

        var slope = (sw * swxy - swx * swy) / variance;
        return (swy - slope * swx) / sw + slope * at;
    }
}
