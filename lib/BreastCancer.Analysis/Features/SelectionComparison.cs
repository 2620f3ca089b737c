namespace BreastCancer.Analysis.Features;

/// <summary>Which features each selector keeps when fitted on the same training rows.</summary>
/// <param name="Features">The feature names.</param>
/// <param name="Picks">Each selector's name and the names it kept, in catalogue order.</param>
public sealed record SelectionComparison(IReadOnlyList<string> Features, IReadOnlyList<(string Selector, IReadOnlyList<string> Kept)> Picks)
{
    /// <summary>Fits every selector on <paramref name="rows"/> and names what each keeps.</summary>
    public static SelectionComparison Run(IReadOnlyList<double[]> rows, IReadOnlyList<bool> labels, IReadOnlyList<string> features, IReadOnlyList<IFeatureSelector> selectors)
    {
        ArgumentNullException.ThrowIfNull(selectors);
        return new SelectionComparison(features, [.. selectors.Select(s => (s.Name, (IReadOnlyList<string>)[.. s.Fit(rows, labels).Selected.Select(j => features[j])]))]);
    }
}
