using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Plotly.NET;

namespace BreastCancer.Analysis.Charts;

/// <summary>
/// A Plotly.NET chart's figure (<c>data</c>, <c>layout</c>, <c>frames</c>) as a JSON object, the same JSON as
/// <c>GenericChart.toFigureJson</c> writes. That function hands Plotly.NET's dynamic objects to Newtonsoft, which reads
/// every property of every one through a dynamic (DLR) binding: 100–300 ms for a chart of 30 bars, which a web page
/// that serves charts cannot afford. This walk reads the objects' properties directly, a few milliseconds for the same
/// chart. Text, booleans and numbers are written as they are (a non-finite number as the string Newtonsoft writes,
/// <c>"NaN"</c>); any other leaf value (Plotly.NET's own types) is written by Newtonsoft, as <c>toFigureJson</c> would.
/// </summary>
public static class FigureJson
{
    /// <summary>The figure of <paramref name="chart"/> as JSON.</summary>
    public static JsonObject Of(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return (JsonObject)Node(GenericChart.toFigure(chart))!;
    }

    /// <summary>Any part of a chart (its traces, layout or config) as JSON, as Newtonsoft writes it.</summary>
    public static JsonNode? Node(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        double number => double.IsFinite(number) ? JsonValue.Create(number) : JsonValue.Create(number.ToString(CultureInfo.InvariantCulture)),
        int number => JsonValue.Create(number),
        Figure figure => new JsonObject { ["data"] = Node(figure.Data), ["layout"] = Node(figure.Layout), ["frames"] = Node(figure.Frames) },
        DynamicObj.DynamicObj dynamic => new JsonObject(dynamic.GetProperties(true).Select(p => KeyValuePair.Create(p.Key, Node(p.Value)))),
        IDictionary dictionary => new JsonObject(dictionary.Keys.Cast<object>().Select(k => KeyValuePair.Create(Convert.ToString(k, CultureInfo.InvariantCulture)!, Node(dictionary[k])))),
        IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Node)]),
        _ => JsonNode.Parse(JsonConvert.SerializeObject(value)),
    };
}
