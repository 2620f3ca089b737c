namespace BreastCancer.Analysis.Charts;

/// <summary>
/// The continuous colour scales of the charts, from ColorBrewer (Brewer, Hatchard &amp; Harrower 2003, colorbrewer2.org),
/// whose schemes stay readable under the common forms of colour blindness, as plotly.js <c>colorscale</c> stops
/// (position 0–1, colour).
/// </summary>
public static class ColorScales
{
    /// <summary>Sequential Blues, near white at 0 to dark blue at 1: counts and shares, such as a confusion matrix or how often a feature was kept.</summary>
    public static object[] Blues => [new object[] { 0.0, "#F7FBFF" }, new object[] { 0.5, "#6BAED6" }, new object[] { 1.0, "#08306B" }];

    /// <summary>Diverging RdBu, blue at 0 through near white at 0.5 to red at 1: signed values around zero, such as correlations.</summary>
    public static object[] RedBlue =>
    [
        new object[] { 0.0, "#2166AC" }, new object[] { 0.25, "#92C5DE" }, new object[] { 0.5, "#F7F7F7" },
        new object[] { 0.75, "#F4A582" }, new object[] { 1.0, "#B2182B" },
    ];

    /// <summary>Sequential YlOrRd, pale yellow at 0 to dark red at 1: a level of alarm, such as a feature's drift.</summary>
    public static object[] YellowOrangeRed =>
    [
        new object[] { 0.0, "#FFFFCC" }, new object[] { 0.25, "#FED976" }, new object[] { 0.5, "#FD8D3C" },
        new object[] { 0.75, "#E31A1C" }, new object[] { 1.0, "#800026" },
    ];
}
