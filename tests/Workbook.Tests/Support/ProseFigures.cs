using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workbook.Tests.Support;

/// <summary>
/// The decimal figures a notebook's markdown quotes (<c>0.9977</c>, <c>62.7 %</c>, <c>−0.061</c>, <c>2.9 × 10⁻⁸</c>)
/// and whether its executed outputs show each one: a figure with d decimals is shown when some number of the outputs
/// rounds to it at d decimals, or, as a percentage, its hundredfold does. The numbers searched are those of every code
/// cell's source and of its text and table outputs; a chart's data (thousands of numbers, which would match almost any
/// figure) counts only for the markdown within <see cref="ChartReach"/> code cells of the chart, where the prose reads
/// it off.
/// </summary>
internal static partial class ProseFigures
{
    /// <summary>How many code cells before and after a markdown cell its charts may be read from.</summary>
    public const int ChartReach = 2;

    private static readonly string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>The figures of <paramref name="notebook"/>'s markdown that none of the numbers it may be read from shows.</summary>
    public static IReadOnlyList<ProseFigure> Unshown(JsonNode notebook)
    {
        var cells = notebook["cells"]!.AsArray().OfType<JsonNode>().ToArray();
        var code = Enumerable.Range(0, cells.Length).Where(i => Kind(cells[i]) == "code").ToArray();
        var shown = code.SelectMany(i => Numbers(cells[i], charts: false)).ToArray();
        var unshown = new List<ProseFigure>();
        for (var i = 0; i < cells.Length; i++)
        {
            if (Kind(cells[i]) != "markdown")
            {
                continue;
            }

            var near = code.Where(j => j < i).TakeLast(ChartReach).Concat(code.Where(j => j > i).Take(ChartReach));
            var candidates = shown.Concat(near.SelectMany(j => Numbers(cells[j], charts: true))).ToArray();
            unshown.AddRange(Figures(NotebookJson.Source(cells[i])).Where(f => !f.IsAmong(candidates)).Select(f => f with { Cell = i }));
        }

        return unshown;
    }

    /// <summary>Whether some number of <paramref name="notebook"/>'s outputs, text, tables or charts, shows <paramref name="figure"/>.</summary>
    public static bool ShownAnywhere(JsonNode notebook, ProseFigure figure) =>
        figure.IsAmong([.. notebook["cells"]!.AsArray().OfType<JsonNode>().Where(c => Kind(c) == "code").SelectMany(c => Numbers(c, charts: false).Concat(Numbers(c, charts: true)))]);

    /// <summary>The decimal figures of a markdown text, each with its value and the half-unit of its last digit.</summary>
    public static IReadOnlyList<ProseFigure> Figures(string markdown) =>
        [.. FigurePattern().Matches(markdown).Select(m =>
        {
            var digits = m.Groups["number"].Value;
            var decimals = digits.Length - digits.IndexOf('.', StringComparison.Ordinal) - 1;
            var exponent = m.Groups["exponent"].Success ? -int.Parse(string.Concat(m.Groups["exponent"].Value.Select(c => (char)('0' + Superscripts.IndexOf(c)))), CultureInfo.InvariantCulture) : 0;
            var sign = m.Groups["sign"].Success ? -1 : 1;
            var value = sign * double.Parse(digits.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) * Math.Pow(10, exponent);
            return new ProseFigure(-1, m.Value, value, 0.5 * Math.Pow(10, exponent - decimals));
        })];

    private static string Kind(JsonNode cell) => (string)cell["cell_type"]!;

    private static IEnumerable<double> Numbers(JsonNode cell, bool charts)
    {
        var texts = new List<string>();
        if (!charts)
        {
            texts.Add(NotebookJson.Source(cell));
        }

        foreach (var output in cell["outputs"]?.AsArray().OfType<JsonNode>() ?? [])
        {
            if (output["text"] is { } stream && !charts)
            {
                texts.Add(Text(stream));
            }

            foreach (var (mime, data) in output["data"]?.AsObject() ?? [])
            {
                if (!mime.StartsWith("text/", StringComparison.Ordinal) || data is null)
                {
                    continue;
                }

                var text = Text(data);
                var isChart = text.Contains("var data", StringComparison.Ordinal);
                if (isChart == charts)
                {
                    texts.Add(isChart ? text : WebUtility.HtmlDecode(Tag().Replace(text, " ")));
                }
            }
        }

        return texts.SelectMany(t => NumberPattern().Matches(t)).Select(m => double.Parse(m.Value.Replace('−', '-').Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture));
    }

    private static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string)l!)) : (string)node!;

    [GeneratedRegex(@"(?<![\w.,−-])(?<sign>[−-])?(?<number>\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+)(?:\s*×\s*10⁻(?<exponent>[⁰¹²³⁴⁵⁶⁷⁸⁹]+))?(?!\w|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex FigurePattern();

    [GeneratedRegex(@"(?<![\w.])[−-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}

/// <summary>A decimal figure quoted in a notebook's markdown: its cell, its text, its value and half the unit of its last digit.</summary>
internal sealed record ProseFigure(int Cell, string Text, double Value, double HalfUnit)
{
    /// <summary>Whether one of <paramref name="numbers"/> rounds to this figure, as itself or as a percentage.</summary>
    public bool IsAmong(IReadOnlyCollection<double> numbers) =>
        numbers.Any(y => Math.Abs(y - Value) <= HalfUnit * (1 + 1e-9) || Math.Abs(100 * y - Value) <= HalfUnit * (1 + 1e-9));
}
