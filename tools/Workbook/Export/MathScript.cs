using System.Reflection;

namespace Workbook.Export;

/// <summary>
/// Temml (MIT), which turns the TeX that Markdig's math extension leaves in <c>.math</c> elements into MathML,
/// which browsers render natively; embedded once per page that has math, so the page needs no network.
/// </summary>
public static class MathScript
{
    private static readonly Lazy<string> Bundle = new(() => Read("Workbook.Export.temml.min.js").Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
    private static readonly Lazy<string> FontStyle = new(() => Read("Workbook.Export.Temml-Local.css")
        .Replace("url('Temml.woff2')", $"url(data:font/woff2;base64,{Convert.ToBase64String(ReadBytes("Workbook.Export.Temml.woff2"))})", StringComparison.Ordinal));

    /// <summary>The script that renders every <c>.math</c> element of the page, Temml included.</summary>
    public static string Source => Bundle.Value + "\n" + RenderAll;

    /// <summary>Temml's style for MathML with locally installed fonts, its own small font inlined as a data URL.</summary>
    public static string Style => FontStyle.Value;

    /// <summary>True when rendered Markdown holds math (Markdig writes it into elements of class <c>math</c>).</summary>
    public static bool IsNeededBy(string html) => html.Contains("class=\"math\"", StringComparison.Ordinal);

    private const string RenderAll = """
        document.addEventListener("DOMContentLoaded", function () {
          document.querySelectorAll(".math").forEach(function (element) {
            var display = element.tagName === "DIV";
            var tex = element.textContent.trim().replace(/^\\[([]/, "").replace(/\\[)\]]$/, "");
            temml.render(tex, element, { displayMode: display, throwOnError: false });
          });
        });
        """;

    private static string Read(string name)
    {
        using var reader = new StreamReader(new MemoryStream(ReadBytes(name)));
        return reader.ReadToEnd();
    }

    private static byte[] ReadBytes(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
