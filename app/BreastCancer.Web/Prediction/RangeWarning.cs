namespace BreastCancer.Web.Prediction;

/// <summary>A value outside the training range of its feature: the model extrapolates there.</summary>
/// <param name="Feature">The feature.</param>
/// <param name="Value">The value given.</param>
/// <param name="Min">The smallest training value.</param>
/// <param name="Max">The largest training value.</param>
/// <param name="Message">The warning in words, naming the feature and its range.</param>
public sealed record RangeWarning(string Feature, double Value, double Min, double Max, string Message);
