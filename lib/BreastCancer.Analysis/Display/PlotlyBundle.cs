using System.Text;
using Plotly.NET;

namespace BreastCancer.Analysis.Display;

/// <summary>The plotly.js bundle Plotly.NET ships inside its assembly (the <c>Plotly.NET.plotly-VERSION.min.js</c> resource): the only copy notebooks and the web app use, never a CDN. Read once.</summary>
public static class PlotlyBundle
{
    private static readonly Lazy<byte[]> Resource = new(Read);
    private static readonly Lazy<string> Text = new(() => Encoding.UTF8.GetString(Resource.Value));

    /// <summary>The minified script as UTF-8 bytes, as a file of it holds them.</summary>
    public static ReadOnlyMemory<byte> Bytes => Resource.Value;

    /// <summary>The minified script as text.</summary>
    public static string Source => Text.Value;

    private static byte[] Read()
    {
        var assembly = typeof(GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var resource = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        resource.CopyTo(copy);
        return copy.ToArray();
    }
}
