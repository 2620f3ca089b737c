using System.Text.Json.Nodes;

namespace BreastCancer.Analysis.Tests.Monitoring;

/// <summary>Reference values computed with SciPy 1.10.1 by Fixtures/make_monitoring_fixtures.py.</summary>
internal static class Fixture
{
    public static JsonNode Values { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "monitoring.json")))!;

    public static JsonArray Cases(string name) => Values[name]!.AsArray();

    public static double[] Array(JsonNode node) => [.. node.AsArray().Select(v => (double)v!)];
}
