using System.Globalization;
using BreastCancer.Analysis.Exploration;
using Plotly.NET;
using Plotly.NET.CSharp;
using Chart = Plotly.NET.CSharp.Chart;

namespace BreastCancer.Analysis.Charts;

/// <summary>Principal component charts: scores coloured by class, and a biplot with the strongest loadings as arrows.</summary>
public static class PcaChart
{
    private static readonly bool[] Classes = [false, true];

    /// <summary>Scores on components 1 and 2 by class; each axis titled with the share of variance it explains.</summary>
    public static GenericChart Scores(PrincipalComponents pca)
    {
        ArgumentNullException.ThrowIfNull(pca);
        return Axes(Chart.Combine(ScoreTraces(pca, 0.7)), pca).WithSize(760, 600);
    }

    /// <summary>
    /// The scores (faint) with the <paramref name="arrows"/> features of largest loading on components 1–2 drawn as
    /// arrows from the origin, scaled to the spread of the scores and labelled.
    /// </summary>
    public static GenericChart Biplot(PrincipalComponents pca, int arrows = 10)
    {
        ArgumentNullException.ThrowIfNull(pca);
        var scale = 0.9 * pca.Scores.Max(s => Math.Max(Math.Abs(s[0]), Math.Abs(s[1]))) / pca.Loadings[0].Zip(pca.Loadings[1], (a, b) => Math.Sqrt(a * a + b * b)).Max();
        var strongest = Enumerable.Range(0, pca.Features.Count)
            .OrderByDescending(f => pca.Loadings[0][f] * pca.Loadings[0][f] + pca.Loadings[1][f] * pca.Loadings[1][f])
            .Take(arrows);
        var vectors = strongest.Select(f => Chart.Line<double, double, string>(
            x: new[] { 0, pca.Loadings[0][f] * scale }, y: new[] { 0, pca.Loadings[1][f] * scale },
            Name: pca.Features[f], ShowLegend: false, MultiText: new[] { "", pca.Features[f] }, TextPosition: StyleParam.TextPosition.TopCenter,
            LineColor: Color.fromHex(ChartColors.InkHex), ShowMarkers: true));
        return Axes(Chart.Combine(ScoreTraces(pca, 0.25).Concat(vectors)), pca).WithSize(860, 700);
    }

    private static IEnumerable<GenericChart> ScoreTraces(PrincipalComponents pca, double opacity) =>
        Classes.Select(malignant =>
        {
            var rows = Enumerable.Range(0, pca.Scores.Count).Where(r => pca.IsMalignant[r]).Where(_ => malignant)
                .Concat(Enumerable.Range(0, pca.Scores.Count).Where(r => !pca.IsMalignant[r]).Where(_ => !malignant)).ToList();
            return Chart.Point<double, double, string>(rows.Select(r => pca.Scores[r][0]).ToArray(), rows.Select(r => pca.Scores[r][1]).ToArray(),
                Name: malignant ? "malignant (M)" : "benign (B)", Opacity: opacity, MarkerColor: ClassColors.Of(malignant ? "M" : "B"));
        });

    private static GenericChart Axes(GenericChart chart, PrincipalComponents pca) => chart
        .WithXAxisStyle<double, double, string>(TitleText: string.Create(CultureInfo.InvariantCulture, $"PC1 ({pca.ExplainedVarianceRatio[0]:P1} of variance)"))
        .WithYAxisStyle<double, double, string>(TitleText: string.Create(CultureInfo.InvariantCulture, $"PC2 ({pca.ExplainedVarianceRatio[1]:P1} of variance)"));
}
