using Plotly.NET;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// The colours of the two diagnoses in every chart of the workbook, from the Okabe–Ito palette, which stays
/// distinguishable under the common forms of colour blindness (Okabe &amp; Ito, "Color Universal Design", 2008).
/// </summary>
public static class ClassColors
{
    /// <summary>Benign (B): blue, #0072B2.</summary>
    public const string BenignHex = "#0072B2";

    /// <summary>Malignant (M), the positive class: vermillion, #D55E00.</summary>
    public const string MalignantHex = "#D55E00";

    /// <summary>Any other label: grey, #7F7F7F.</summary>
    public const string OtherHex = "#7F7F7F";

    /// <summary>The colour of a label: <c>B</c>/benign, <c>M</c>/malignant, anything else grey.</summary>
    public static Color Of(string label) => Color.fromHex(HexOf(label));

    /// <summary>The hex colour of a label, as <see cref="Of"/>.</summary>
    public static string HexOf(string label) => label.Trim().ToUpperInvariant() switch
    {
        "B" or "BENIGN" => BenignHex,
        "M" or "MALIGNANT" => MalignantHex,
        _ => OtherHex,
    };
}
