using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Features;

/// <summary>An engineered feature: a name, its formula in words, and how to compute it from a WDBC row.</summary>
/// <param name="Name">The new column's name.</param>
/// <param name="Formula">The formula, e.g. <c>log(area_mean)</c>.</param>
/// <param name="Compute">Computes the value from a row in catalogue order.</param>
public sealed record EngineeredFeature(string Name, string Formula, Func<double[], double> Compute);

/// <summary>
/// Appends engineered WDBC features to each row. The transform has no parameters to learn, so fitting it on training
/// rows changes nothing and nothing can leak. The catalogue: the scale-free shape ratio area / perimeter² (1/(4π) for a
/// circle), the shape irregularity perimeter² / (4π area) − 1, and the log residuals of the consistency relations of
/// notebook 01 (area against π r², perimeter against 2π r), for mean and worst values. Reshaping a skewed feature's
/// own distribution needs a parameter fitted to its scale, and is the <see cref="YeoJohnson"/> step's work.
/// </summary>
/// <param name="features">The engineered features to append.</param>
public sealed class FeatureEngineering(IReadOnlyList<EngineeredFeature> features) : IFeatureStep
{
    /// <summary>The features appended.</summary>
    public IReadOnlyList<EngineeredFeature> Features { get; } = features;

    /// <inheritdoc />
    public string Name => $"{Features.Count} engineered features";

    /// <summary>The catalogue described above, for WDBC's features in catalogue order.</summary>
    public static FeatureEngineering WdbcCatalogue()
    {
        int At(string name) => FeatureCatalog.WdbcFeatures.ToList().IndexOf(name);
        var features = new List<EngineeredFeature>();
        foreach (var statistic in new[] { "mean", "worst" })
        {
            var (radius, perimeter, area) = (At($"radius_{statistic}"), At($"perimeter_{statistic}"), At($"area_{statistic}"));
            features.Add(new($"shape_ratio_{statistic}", $"area_{statistic} / perimeter_{statistic}²", r => r[area] / (r[perimeter] * r[perimeter])));
            features.Add(new($"irregularity_{statistic}", $"perimeter_{statistic}² / (4π area_{statistic}) − 1", r => r[perimeter] * r[perimeter] / (4 * Math.PI * r[area]) - 1));
            features.Add(new($"area_residual_{statistic}", $"log(area_{statistic} / (π radius_{statistic}²))", r => Math.Log(r[area] / (Math.PI * r[radius] * r[radius]))));
            features.Add(new($"perimeter_residual_{statistic}", $"log(perimeter_{statistic} / (2π radius_{statistic}))", r => Math.Log(r[perimeter] / (2 * Math.PI * r[radius]))));
        }

        return new FeatureEngineering(features);
    }

    /// <summary>The names of the columns after the transform: the inputs, then the engineered features.</summary>
    public IReadOnlyList<string> OutputNames(IReadOnlyList<string> inputNames) => [.. inputNames, .. Features.Select(f => f.Name)];

    /// <inheritdoc />
    public IFittedFeatureStep Fit(IReadOnlyList<double[]> trainingRows, IReadOnlyList<bool> trainingLabels) => new Appender(Features);

    private sealed class Appender(IReadOnlyList<EngineeredFeature> features) : IFittedFeatureStep
    {
        public double[][] Transform(IReadOnlyList<double[]> rows) => [.. rows.Select(r => r.Concat(features.Select(f => f.Compute(r))).ToArray())];
    }
}
