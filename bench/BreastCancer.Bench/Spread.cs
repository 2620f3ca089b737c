using System.Globalization;

namespace BreastCancer.Bench;

/// <summary>The median, smallest and largest of a benchmark's repeated measurements (the median of an even count is the mean of the middle two).</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    /// <summary>The spread of <paramref name="values"/>; throws when there are none.</summary>
    public static Spread Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("a spread needs at least one measurement", nameof(values));
        }

        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    /// <summary>"median [min–max]" in <paramref name="format"/>.</summary>
    public string Format(string format) => string.Create(CultureInfo.InvariantCulture,
        $"{Median.ToString(format, CultureInfo.InvariantCulture)} [{Min.ToString(format, CultureInfo.InvariantCulture)}–{Max.ToString(format, CultureInfo.InvariantCulture)}]");
}
