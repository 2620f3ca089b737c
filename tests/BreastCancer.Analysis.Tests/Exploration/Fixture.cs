using System.Text.Json.Nodes;

namespace BreastCancer.Analysis.Tests.Exploration;

/// <summary>Reference values computed with SciPy 1.10.1 and scikit-learn 1.2.1 by Fixtures/make_exploration_fixtures.py.</summary>
internal static class Fixture
{
    public static JsonNode Values { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "exploration.json")))!;

    public static double[] Array(JsonNode node) => [.. node.AsArray().Select(v => (double)v!)];
}
