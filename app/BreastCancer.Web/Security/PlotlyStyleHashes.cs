using System.Security.Cryptography;
using System.Text;

namespace BreastCancer.Web.Security;

/// <summary>
/// The only inline style attribute values the CSP allows ('unsafe-hashes' with these hashes, CSP Level 3 §8.3): the two
/// that plotly.js 2.28.0 sets while drawing the dashboard's heatmap and colour bar, an empty <c>style=""</c> on the colour
/// bar's fills and its pixelated-image declarations (<c>src/constants/pixelated_image.js</c>: each of
/// <see cref="PixelatedImageDeclarations"/> as <c>"name: value; "</c>, joined) on the heatmap's image.
/// </summary>
public static class PlotlyStyleHashes
{
    /// <summary>plotly.js's declarations for drawing an image without smoothing, in its order.</summary>
    public static IReadOnlyList<string> PixelatedImageDeclarations { get; } =
        ["optimizeSpeed", "-moz-crisp-edges", "-o-crisp-edges", "-webkit-optimize-contrast", "optimize-contrast", "crisp-edges", "pixelated"];

    /// <summary>The style attribute values allowed.</summary>
    public static IReadOnlyList<string> Values { get; } = ["", string.Concat(PixelatedImageDeclarations.Select(value => $"image-rendering: {value}; "))];

    /// <summary>The CSP source expressions of <see cref="Values"/>: <c>'sha256-…'</c>, base64 of each value's SHA-256 in UTF-8.</summary>
    public static string Sources { get; } = string.Join(' ', Values.Select(value => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)))}'"));
}
