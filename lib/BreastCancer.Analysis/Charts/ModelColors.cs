using Plotly.NET;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// Colours for the models of a comparison, the Okabe–Ito palette in order (Okabe &amp; Ito 2008), repeating after eight;
/// the same model keeps its colour across the charts of one comparison because the charts take models in the same order.
/// </summary>
public static class ModelColors
{
    private static readonly string[] Palette = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"];

    /// <summary>The hex colour of the <paramref name="index"/>-th model.</summary>
    public static string HexOf(int index) => Palette[index % Palette.Length];

    /// <summary>The colour of the <paramref name="index"/>-th model.</summary>
    public static Color Of(int index) => Color.fromHex(HexOf(index));

    /// <summary>The colour with the given opacity, as a CSS <c>rgba()</c> string for fills.</summary>
    public static string Translucent(int index, double opacity)
    {
        var hex = HexOf(index);
        int Channel(int at) => Convert.ToInt32(hex.Substring(at, 2), 16);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"rgba({Channel(1)},{Channel(3)},{Channel(5)},{opacity})");
    }
}
