using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Selection;

namespace BreastCancer.Analysis.Tests.Features;

public sealed class StudyHelpersTests
{
    private static readonly BreastCancerData Wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));

    [Fact]
    public void Street_et_al_features_are_selected_by_name_and_an_unknown_name_is_refused()
    {
        var street = ColumnSelection.ByName(Wdbc.FeatureNames, StudyFeatureSets.StreetEtAl, "Street");

        var kept = street.Fit(Wdbc.ToArray(), Wdbc.IsMalignant).Selected.Select(j => Wdbc.FeatureNames[j]);
        var error = Assert.Throws<ArgumentException>(() => ColumnSelection.ByName(Wdbc.FeatureNames, ["area_worst", "size"], "x"));

        Assert.Equal(["texture_mean", "area_worst", "smoothness_worst"], kept);
        Assert.Contains("no feature 'size'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_names_what_each_selector_keeps()
    {
        var comparison = SelectionComparison.Run(Wdbc.ToArray(), Wdbc.IsMalignant, Wdbc.FeatureNames,
            [new UnivariateSelection(UnivariateScore.AnovaF, 2), ColumnSelection.ByName(Wdbc.FeatureNames, ["radius_mean"], "radius")]);

        var (f, _) = UnivariateScores.AnovaF(Wdbc.ToArray(), Wdbc.IsMalignant);
        var top2 = Enumerable.Range(0, 30).OrderByDescending(j => f[j]).Take(2).Order().Select(j => Wdbc.FeatureNames[j]);
        Assert.Equal(top2, comparison.Picks[0].Kept);
        Assert.Equal(["radius_mean"], comparison.Picks[1].Kept);
        Assert.Contains("<td>radius</td><td>1</td><td>radius_mean</td>", FeaturesHtml.Render(comparison), StringComparison.Ordinal);
    }

    [Fact]
    public void The_count_curve_scores_each_count_on_the_same_folds()
    {
        var folds = StratifiedGroupKFold.Split(Wdbc.IsMalignant, null, 5, seed: 2);

        var curve = FeatureCountCurve.Run(Wdbc.ToArray(), Wdbc.IsMalignant, UnivariateScore.AnovaF, [30, 1, 3], MlNetClassifier.LogisticRegression(), folds, seed: 1);

        Assert.Equal([1, 3, 30], curve.Results.Select(r => r.Count));
        Assert.All(curve.Results, r => Assert.Equal(Wdbc.RowCount, r.Result.Folds.Sum(f => f.TestRows)));
        Assert.True(curve.Results[2].Result.MeanRocAuc > curve.Results[0].Result.MeanRocAuc);
    }
}
