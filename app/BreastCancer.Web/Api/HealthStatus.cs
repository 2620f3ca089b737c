namespace BreastCancer.Web.Api;

/// <summary>The answer of <c>GET /health</c>.</summary>
/// <param name="Status"><c>ok</c> while a model is served.</param>
/// <param name="ModelVersion">The version served.</param>
/// <param name="ModelLoadedAt">When that model was loaded.</param>
public sealed record HealthStatus(string Status, string ModelVersion, DateTimeOffset ModelLoadedAt);
