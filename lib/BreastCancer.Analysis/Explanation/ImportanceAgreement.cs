using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Explanation;

/// <summary>
/// How far several importance rankings of the same features agree (SHAP of different models or kinds, permutation
/// importance): for each pair, Spearman's rank correlation of their importances over all features, and how many of
/// their <see cref="Top"/> most important features they share. Rankings built on different scales (log-odds,
/// probability, a metric's loss) compare by rank, which is why the correlation is Spearman's.
/// </summary>
/// <param name="Methods">The rankings' names.</param>
/// <param name="Features">The features ranked.</param>
/// <param name="Importances">Each ranking's importance of each feature, in <paramref name="Features"/> order: larger is more important.</param>
/// <param name="Top">k, the number of leading features compared.</param>
public sealed record ImportanceAgreement(IReadOnlyList<string> Methods, IReadOnlyList<string> Features, IReadOnlyList<double[]> Importances, int Top)
{
    /// <summary>The agreement of <paramref name="rankings"/>, each a name and one importance per feature of <paramref name="features"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two rankings, a ranking without one importance per feature, or <paramref name="top"/> outside 1 to the number of features.</exception>
    public static ImportanceAgreement Of(IReadOnlyList<string> features, int top, IReadOnlyList<(string Method, IReadOnlyList<double> Importance)> rankings)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(rankings);
        if (rankings.Count < 2)
        {
            throw new ArgumentException($"{rankings.Count} ranking: agreement needs at least two", nameof(rankings));
        }

        if (rankings.FirstOrDefault(r => r.Importance.Count != features.Count) is { Method: { } method } wrong)
        {
            throw new ArgumentException($"the ranking '{method}' has {wrong.Importance.Count} importances for {features.Count} features", nameof(rankings));
        }

        if (top < 1 || top > features.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(top), top, $"top must be 1 to the {features.Count} features");
        }

        return new ImportanceAgreement([.. rankings.Select(r => r.Method)], features, [.. rankings.Select(r => r.Importance.ToArray())], top);
    }

    /// <summary>Spearman's rank correlation of rankings <paramref name="a"/> and <paramref name="b"/> over all features, −1 to 1 (ties take their mean rank).</summary>
    public double Spearman(int a, int b) => Correlation.Spearman(Importances[a], Importances[b]);

    /// <summary>The <see cref="Top"/> most important features of ranking <paramref name="method"/>, most important first (ties in feature order).</summary>
    public IReadOnlyList<string> TopFeatures(int method) =>
        [.. Enumerable.Range(0, Features.Count).OrderByDescending(f => Importances[method][f]).ThenBy(f => f).Take(Top).Select(f => Features[f])];

    /// <summary>How many of the <see cref="Top"/> leading features rankings <paramref name="a"/> and <paramref name="b"/> share, 0 to <see cref="Top"/>.</summary>
    public int SharedTop(int a, int b) => TopFeatures(a).Intersect(TopFeatures(b)).Count();
}
