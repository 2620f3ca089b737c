using System.Reflection;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tests;

using static BreastCancer.Serving.Tests.StudyRows;

namespace BreastCancer.Serving.Tests;

/// <summary>
/// The contract by which a classifier says how it is scored, saved and explained (<see cref="IFittedClassifier.Form"/>):
/// every kind of fitted classifier the library has, found by reflection, names a form of its own, is fitted by some model
/// of the catalogue, and is then scored by the serving path without calling the classifier and with the probability of
/// the pipeline's own <see cref="FittedPipeline.PredictProbability"/> (the independent truth, through ML.NET's data
/// views) to 10⁻¹². A new kind that keeps the default form, or that no catalogue model fits, fails here.
/// </summary>
public sealed class ClassifierFormTests
{
    /// <summary>Every class of the library that is a fitted classifier.</summary>
    private static IReadOnlyList<Type> Kinds { get; } =
        [.. typeof(IFittedClassifier).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFittedClassifier).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void Every_kind_of_fitted_classifier_names_its_own_form()
    {
        var form = typeof(IFittedClassifier).GetProperty(nameof(IFittedClassifier.Form))!.GetMethod!;

        var defaulted = Kinds.Where(kind => kind.GetInterfaceMap(typeof(IFittedClassifier)) is var map
            && map.TargetMethods[Array.IndexOf(map.InterfaceMethods, form)].DeclaringType == typeof(IFittedClassifier));

        Assert.True(Kinds.Count >= 4, $"found {Kinds.Count} kinds of fitted classifier");
        Assert.Empty(defaulted.Select(k => $"{k.FullName} keeps the default OpaqueForm: say how it is scored, saved and explained"));
    }

    [Fact]
    public void Every_kind_of_fitted_classifier_is_fitted_by_a_model_of_the_catalogue()
    {
        var fitted = Catalogue().SelectMany(model => Nested(Fit(model).Classifier)).Select(c => c.GetType()).ToHashSet();

        Assert.Empty(Kinds.Where(k => !fitted.Contains(k)).Select(k => $"{k.FullName}: no model of the catalogue fits one, so its form is not checked against its probabilities"));
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Every_catalogue_model_is_scored_from_its_form_with_the_pipelines_probabilities(string family)
    {
        var fitted = Fit(Catalogue().Single(m => m.Family == family));
        var expected = fitted.PredictProbability(Test);

        var scorer = fitted.CreateScorer(Wdbc.FeatureNames);
        var single = Test.Select(r => scorer.Probability(r)).ToArray();
        var batch = new double[Test.Length];
        scorer.Probabilities(Test, batch);

        Assert.Contains(scorer.Method, new[] { ScoringMethod.Direct, ScoringMethod.PredictionEngine });
        Assert.All(expected.Zip(single, batch), p =>
        {
            Assert.Equal(p.First, p.Second, 1e-12);
            Assert.Equal(p.First, p.Third, 1e-12);
        });
    }

    public static TheoryData<string> Families() => [.. Catalogue().Select(m => m.Family)];

    private static IEnumerable<CatalogueModel> Catalogue() => ModelCatalogue.All.Concat([ModelCatalogue.RbfSvmMargin]);

    private static FittedPipeline Fit(CatalogueModel model) => model.Pipeline().Fit(Train, Labels, seed: 1);

    /// <summary>The classifier and every fitted classifier inside it (a calibrated classifier's inner one), found by its properties.</summary>
    private static IEnumerable<IFittedClassifier> Nested(IFittedClassifier classifier) =>
        classifier.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => typeof(IFittedClassifier).IsAssignableFrom(p.PropertyType))
            .Select(p => p.GetValue(classifier)).OfType<IFittedClassifier>()
            .SelectMany(Nested).Prepend(classifier);
}
