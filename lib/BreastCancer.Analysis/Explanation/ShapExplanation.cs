namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// SHAP values of a model for some rows (Lundberg &amp; Lee, NeurIPS 2017): for each row, one value per feature such that
/// <see cref="BaseValue"/> plus the row's values equals the model's output for that row in <see cref="OutputSpace"/>
/// (local accuracy). A positive value pushes the row towards malignancy.
/// </summary>
/// <param name="FeatureNames">The features, in the order of each row's values.</param>
/// <param name="BaseValue">The expected model output over the background (training) rows, in <see cref="OutputSpace"/>.</param>
/// <param name="Values">One array per explained row, one value per feature, in <see cref="OutputSpace"/>.</param>
/// <param name="FeatureValues">The explained rows' feature values, in the data's units, aligned with <see cref="Values"/>.</param>
/// <param name="OutputSpace">The scale the values add up on.</param>
/// <param name="Method">How the values were computed, e.g. <c>TreeSHAP (path-dependent)</c>.</param>
public sealed record ShapExplanation(
    IReadOnlyList<string> FeatureNames,
    double BaseValue,
    IReadOnlyList<double[]> Values,
    IReadOnlyList<double[]> FeatureValues,
    ShapOutputSpace OutputSpace,
    string Method)
{
    /// <summary>The model output the values of row <paramref name="row"/> explain: the base value plus their sum.</summary>
    public double Output(int row) => BaseValue + Values[row].Sum();

    /// <summary>
    /// The explanation of a·f + b when this one explains f: every value times <paramref name="slope"/>, the base value
    /// mapped to a·base + b. SHAP values are linear in the model (Lundberg &amp; Lee 2017, the linearity of Shapley values),
    /// so an affine map of the output, such as a Platt calibration's log-odds −A·s − B of a score s, keeps them exact.
    /// </summary>
    public ShapExplanation Rescaled(double slope, double intercept, ShapOutputSpace space) =>
        this with { BaseValue = slope * BaseValue + intercept, Values = [.. Values.Select(v => v.Select(x => slope * x).ToArray())], OutputSpace = space };

    /// <summary>The mean absolute SHAP value of each feature over the rows: the usual global importance.</summary>
    public double[] MeanAbsolute() =>
        [.. Enumerable.Range(0, FeatureNames.Count).Select(f => Values.Count == 0 ? 0 : Values.Average(v => Math.Abs(v[f])))];
}
