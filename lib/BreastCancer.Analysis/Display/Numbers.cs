using System.Globalization;

namespace BreastCancer.Analysis.Display;

/// <summary>How the formatters write numbers: invariant culture, fixed digits, a true minus sign for differences.</summary>
internal static class Numbers
{
    /// <summary>A mean and its standard deviation: <c>0.9773 ± 0.0213</c>.</summary>
    public static string MeanSd(double mean, double sd) => string.Create(CultureInfo.InvariantCulture, $"{mean:F4} ± {sd:F4}");

    /// <summary>A signed difference: <c>+0.0020</c>, <c>−0.0006</c>.</summary>
    public static string Signed(double value) => string.Create(CultureInfo.InvariantCulture, $"{value:+0.0000;−0.0000;0.0000}");

    /// <summary>A count.</summary>
    public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number in the given .NET format.</summary>
    public static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
