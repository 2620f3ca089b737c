namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// SHAP interaction values of a model for some rows (Lundberg et al., Nature Machine Intelligence 2020, "SHAP interaction
/// values", from the Shapley interaction index of Fujimoto, Kojadinovic &amp; Marichal 2006): for each row an M × M
/// symmetric matrix Φ whose off-diagonal entry Φᵢⱼ = Φⱼᵢ is half the interaction effect of features i and j, and whose
/// diagonal Φᵢᵢ is feature i's main effect, so that each row Σⱼ Φᵢⱼ = φᵢ, the SHAP value, and
/// <see cref="BaseValue"/> + Σᵢⱼ Φᵢⱼ is the model's output in <see cref="OutputSpace"/>.
/// </summary>
/// <param name="FeatureNames">The features, in the order of each matrix's rows and columns.</param>
/// <param name="BaseValue">The expected model output over the background rows, as for the SHAP values.</param>
/// <param name="Values">One M × M matrix per explained row, in <see cref="OutputSpace"/>.</param>
/// <param name="FeatureValues">The explained rows' feature values, aligned with <see cref="Values"/>.</param>
/// <param name="OutputSpace">The scale the values add up on.</param>
/// <param name="Method">How the values were computed.</param>
public sealed record ShapInteractionValues(
    IReadOnlyList<string> FeatureNames,
    double BaseValue,
    IReadOnlyList<double[,]> Values,
    IReadOnlyList<double[]> FeatureValues,
    ShapOutputSpace OutputSpace,
    string Method)
{
    /// <summary>The SHAP values of row <paramref name="row"/>: each feature's row sum Σⱼ Φᵢⱼ.</summary>
    public double[] ShapValues(int row)
    {
        var matrix = Values[row];
        return [.. Enumerable.Range(0, matrix.GetLength(0)).Select(i => Enumerable.Range(0, matrix.GetLength(1)).Sum(j => matrix[i, j]))];
    }
}
