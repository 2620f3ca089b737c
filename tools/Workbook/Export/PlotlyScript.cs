namespace Workbook.Export;

/// <summary>The plotly.js bundle that Plotly.NET ships inside its assembly, embedded once per exported page (never a CDN).</summary>
public static class PlotlyScript
{
    private static readonly Lazy<string> Bundle = new(Read);

    /// <summary>The minified plotly.js source, safe to place inside a <c>script</c> element.</summary>
    public static string Source => Bundle.Value;

    /// <summary>True when an output calls plotly.js and so needs the bundle on its page.</summary>
    public static bool IsNeededBy(string html) => html.Contains("Plotly.newPlot", StringComparison.Ordinal) || html.Contains("Plotly.react", StringComparison.Ordinal);

    private static string Read()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.StartsWith("Plotly.NET.plotly-", StringComparison.Ordinal) && n.EndsWith(".min.js", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd().Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
    }
}
