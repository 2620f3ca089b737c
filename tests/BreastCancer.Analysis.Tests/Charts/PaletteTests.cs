using System.Text.RegularExpressions;

namespace BreastCancer.Analysis.Tests.Charts;

/// <summary>
/// The charts draw from one palette: the colours are written in <c>ChartColors</c>, <c>ClassColors</c>,
/// <c>ModelColors</c> and <c>ColorScales</c>, and no other file of the library's Charts folder writes a colour of its own
/// (a hex literal, a CSS <c>rgb()</c>, or a Plotly.NET colour built from a keyword, channels or a string).
/// </summary>
public sealed partial class PaletteTests
{
    private static readonly string[] PaletteFiles = ["ChartColors.cs", "ClassColors.cs", "ModelColors.cs", "ColorScales.cs"];

    private static readonly string Charts = Path.Combine(Repository.Root, "lib", "BreastCancer.Analysis", "Charts");

    [Fact]
    public void No_chart_file_outside_the_palette_writes_a_colour()
    {
        var files = Directory.GetFiles(Charts, "*.cs").Where(f => !PaletteFiles.Contains(Path.GetFileName(f))).ToArray();

        var literals = files.SelectMany(f => ColourLiterals(Path.GetFileName(f), File.ReadAllText(f))).ToArray();

        Assert.NotEmpty(files);
        Assert.True(literals.Length == 0, $"{literals.Length} colours written outside the palette:\n{string.Join("\n", literals)}");
    }

    [Fact]
    public void Every_palette_file_exists_and_writes_colours()
    {
        foreach (var file in PaletteFiles)
        {
            Assert.NotEmpty(ColourLiterals(file, File.ReadAllText(Path.Combine(Charts, file))));
        }
    }

    [Fact]
    public void The_check_reports_each_kind_of_colour_with_its_line_and_passes_colours_taken_from_the_palette()
    {
        const string Text = """
            var a = Color.fromHex(ChartColors.MarkHex);
            var b = Color.fromHex("#56b4e9");
            var c = ("color", "#FFF");
            var d = "rgba(0, 114, 178, 0.2)";
            var e = Color.fromKeyword(ColorKeyword.Red);
            var f = Color.fromRGB(1, 2, 3);
            var g = Color.fromString("red");
            var h = "see issue #1234567 and the #D55E00-ish note";
            """;

        var found = ColourLiterals("Example.cs", Text);

        Assert.Equal(["Example.cs:2", "Example.cs:3", "Example.cs:4", "Example.cs:5", "Example.cs:6", "Example.cs:7"], found.Select(f => f[..f.IndexOf(':', "Example.cs".Length + 1)]));
    }

    private static string[] ColourLiterals(string file, string text) =>
        [.. text.Split('\n').Select((line, i) => (Line: line, Number: i + 1))
            .Where(l => Colour().IsMatch(l.Line))
            .Select(l => $"{file}:{l.Number}: {l.Line.Trim()}")];

    [GeneratedRegex("""(?:"#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})"|"rgba?\(|Color\.from(?:Keyword|RGB|ARGB|String))""")]
    private static partial Regex Colour();
}
