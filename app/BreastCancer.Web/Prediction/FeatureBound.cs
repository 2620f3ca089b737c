namespace BreastCancer.Web.Prediction;

/// <summary>
/// The physical bounds of one WDBC feature (<see cref="FeatureBounds"/>): at least 0, or more than 0 when
/// <paramref name="MustBePositive"/>, and at most <paramref name="Upper"/>. <see cref="Problem"/> answers a value within
/// them with two comparisons, since batch scoring asks it for every cell of a file.
/// </summary>
/// <param name="Feature">The feature, e.g. <c>radius_mean</c>.</param>
/// <param name="Property">Its property, e.g. <c>radius</c>.</param>
/// <param name="Upper">The largest value it may take.</param>
/// <param name="MustBePositive">Whether it must be more than 0 (the mean or worst radius, perimeter or area), not just at least 0.</param>
public sealed record FeatureBound(string Feature, string Property, double Upper, bool MustBePositive)
{
    /// <summary>Why <paramref name="value"/> is impossible for the feature, or null when it is within the bounds.</summary>
    public string? Problem(double value) =>
        value > 0 && value <= Upper ? null
        : double.IsNaN(value) || double.IsInfinity(value) ? "must be a finite number, not NaN or infinite"
        : value < 0 ? $"must not be negative (got {FeatureBounds.Format(value)})"
        : value == 0 ? (MustBePositive ? "must be more than 0: a nucleus has a size" : null)
        : $"must be at most {FeatureBounds.Format(Upper)}, the physical bound for {Property.Replace('_', ' ')} (got {FeatureBounds.Format(value)})";
}
