using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using static BreastCancer.Analysis.Tests.Explanation.StudyRows;

namespace BreastCancer.Analysis.Tests.Explanation;

public sealed class RbfMaskedModelTests(StudyRbfSvm study)
    : IClassFixture<StudyRbfSvm>
{
    public static TheoryData<string> Machines => ["Platt", "isotonic", "bare"];

    [Theory]
    [MemberData(nameof(Machines))]
    public void The_outputs_from_distance_differences_are_the_machines_outputs_on_the_masked_rows_themselves(string machine)
    {
        var classifier = Fit(machine);
        var inputs = study.Model.Transform(Training);
        var x = (double[])study.Model.Transform(HeldOut[..1])[0].Clone();
        var sample = ShapBackground.Sample(inputs, 12, seed: 4);
        int[] varying = [.. Enumerable.Range(0, 30).Where(f => f % 7 != 3)];
        var fixedFeatures = Enumerable.Range(0, 30).Except(varying).ToArray();
        var background = new ShapBackground([.. sample.Rows.Select(b => Fix((double[])b.Clone(), fixedFeatures))], sample.Weights);
        Fix(x, fixedFeatures);
        var random = new Random(8);
        var masks = Enumerable.Range(0, 60).Select(_ => varying.Select(_ => random.NextDouble() < random.NextDouble()).ToArray()).ToList();

        var masked = RbfMaskedModel.Of(classifier);
        var fast = masked.Worker(background)(x, varying, masks);
        var rows = new RowsMaskedModel(classifier.PredictProbability).Worker(background)(x, varying, masks);

        Assert.IsType<RbfMaskedModel>(masked);
        Assert.Equal(masks.Count * background.Rows.Count + 1, fast.Length);
        Assert.Equal(rows[^1], fast[^1]);
        for (var i = 0; i < rows.Length; i++)
        {
            Assert.Equal(rows[i], fast[i], 1e-13);
        }

        Assert.Contains(fast, p => p is > 0.05 and < 0.95);
    }

    [Theory]
    [InlineData(ShapOutputSpace.LogOdds)]
    [InlineData(ShapOutputSpace.Probability)]
    public void Kernel_SHAP_through_the_distance_differences_gives_the_values_of_the_masked_rows_and_adds_up_exactly(ShapOutputSpace space)
    {
        var classifier = study.Model.Classifier;
        var background = ShapBackground.KMeans(study.Model.Transform(Training), 20, seed: 1);
        var rows = study.Model.Transform(HeldOut[..6]);
        var names = Wdbc.FeatureNames;
        KernelShapOptions options = new() { Seed = 5, OutputSpace = space };

        var fast = KernelShap.Explain(RbfMaskedModel.Of(classifier), background, rows, names, options);
        var generic = KernelShap.Explain(classifier.PredictProbability, background, rows, names, options);

        Assert.Equal(generic.BaseValue, fast.BaseValue);
        var probabilities = classifier.PredictProbability(rows);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var f = 0; f < names.Count; f++)
            {
                Assert.Equal(generic.Values[r][f], fast.Values[r][f], 1e-10);
            }

            var p = probabilities[r];
            Assert.Equal(space == ShapOutputSpace.LogOdds ? Math.Log(p / (1 - p)) : p, fast.Output(r), 1e-12);
        }
    }

    [Fact]
    public void Any_other_classifier_is_called_on_the_masked_rows()
    {
        var regression = ModelCatalogue.LogisticRegressionL2.Pipeline().Fit(Training, TrainingLabels, seed: 1);

        Assert.IsType<RowsMaskedModel>(RbfMaskedModel.Of(regression.Classifier));
    }

    /// <summary>Sets the features left out of the regression to one value in every row, as they are when Kernel SHAP leaves them out.</summary>
    private static double[] Fix(double[] row, int[] features)
    {
        foreach (var f in features)
        {
            row[f] = 0.25;
        }

        return row;
    }

    private IFittedClassifier Fit(string machine)
    {
        var inputs = study.Model.Transform(Training);
        return machine switch
        {
            "Platt" => new CalibratedClassifier(new KernelSvm()).Fit(inputs, TrainingLabels, seed: 1),
            "isotonic" => new CalibratedClassifier(new KernelSvm(), CalibrationMethod.Isotonic).Fit(inputs, TrainingLabels, seed: 1),
            _ => new KernelSvm().Fit(inputs, TrainingLabels, seed: 1),
        };
    }
}
