using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using MathNet.Numerics.Statistics;

namespace BreastCancer.Analysis.Tests.Deployment;

public sealed class ModelCardTests(StudyModels study) : IClassFixture<StudyModels>
{
    [Fact]
    public void The_card_carries_the_hash_of_the_rows_the_model_was_trained_on_and_of_their_file()
    {
        var card = study.Card;

        Assert.Equal(DataFingerprint.OfRows(study.Wdbc.Subset(study.Split.Train)), card.Data.TrainingRowsSha256);
        Assert.NotEqual(DataFingerprint.OfRows(study.Wdbc), card.Data.TrainingRowsSha256);
        Assert.Equal(File.ReadLines(Repository.Data("README.md")).Single(l => l.EndsWith("  wdbc.csv", StringComparison.Ordinal))[..64], card.Data.SourceSha256);
        Assert.Equal((455, 169, 114, 43), (card.Data.TrainingRows, card.Data.TrainingMalignant, card.Data.HeldOutRows, card.Data.HeldOutMalignant));
    }

    [Fact]
    public void The_cards_figures_are_those_of_the_results_it_was_made_from()
    {
        var card = study.Card;

        Assert.Equal(study.Final.HeldOut.Metrics.Accuracy, card.HeldOut.Metrics[Metric.Accuracy]);
        Assert.Equal(study.Final.HeldOut.Metrics.RocAuc, card.HeldOut.Metrics[Metric.RocAuc]);
        Assert.Equal(study.Final.Threshold, card.Threshold.Threshold);
        Assert.Equal(study.Final.HeldOut.OperatingPoint.Test.Sensitivity, card.Threshold.HeldOutSensitivity);
        Assert.Equal(study.CrossValidation.Summary(Metric.RocAuc).Mean, card.CrossValidation.Metrics[Metric.RocAuc].Mean);
        Assert.Equal(study.CrossValidation.OperatingPointSummary(Metric.Specificity).Low, card.Threshold.CrossValidatedSpecificity.Low);
        Assert.Equal(study.Nested.Outer(Metric.Accuracy).High, card.NestedCrossValidation.Metrics[Metric.Accuracy].High);
        Assert.Equal(study.Nested.Optimism, card.NestedCrossValidation.Optimism);
        Assert.Equal(3.0, card.Model.Hyperparameters["l2"]);
        Assert.Equal("the model's own probability, fitted by log loss (no separate calibration)", card.Calibration.Method);
        var training = study.Wdbc.Subset(study.Split.Train);
        Assert.Equal(study.Wdbc.FeatureNames, card.Features.Select(f => f.Name));
        Assert.All(card.Features.Select((f, i) => (f, Column: training.Column(i))), p =>
        {
            Assert.Equal(p.Column.Min(), p.f.Min);
            Assert.Equal(p.Column.Max(), p.f.Max);
            Assert.Equal(p.Column.StandardDeviation(), p.f.Sd, 12);
        });
        Assert.StartsWith("logistic-regression-l2-", card.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void The_version_is_the_same_for_the_same_inputs_and_differs_for_another_seed_or_setting()
    {
        var again = ModelCard.Create(study.Final, study.Wdbc, study.Split, study.CrossValidation, study.Nested, IntendedUse.Study, StudyModels.Created.AddDays(1));

        Assert.Equal(study.Card.Version, again.Version);
        Assert.NotEqual(study.Card.Version, study.Tuned(study.Model, seed: 2).Card.Version);
        Assert.NotEqual(study.Card.Version, study.Tuned(study.Model.With("l2", 0.3), seed: 1).Card.Version);
    }

    [Fact]
    public void Results_of_another_model_or_without_an_operating_point_are_refused()
    {
        var withoutPoint = CrossValidation.Run(study.Model.Pipeline(), study.Train, study.Folds, seed: 1);
        Assert.Contains("chose no operating point",
            Assert.Throws<ArgumentException>(() => ModelCard.Create(study.Final, study.Wdbc, study.Split, withoutPoint, study.Nested, IntendedUse.Study, StudyModels.Created)).Message,
            StringComparison.Ordinal);
        var otherModel = study.Final with { Model = study.Model.With("l2", 0.3) };
        Assert.Contains("the cross-validation is of 'logistic regression, L2 (l2 = 3)', the final model is 'logistic regression, L2 (l2 = 0.3)'",
            Assert.Throws<ArgumentException>(() => ModelCard.Create(otherModel, study.Wdbc, study.Split, study.CrossValidation, study.Nested, IntendedUse.Study, StudyModels.Created)).Message,
            StringComparison.Ordinal);
        var forest = study.Nested with { Model = ModelCatalogue.RandomForest.Family };
        Assert.Contains("the nested cross-validation is of 'random forest'",
            Assert.Throws<ArgumentException>(() => ModelCard.Create(study.Final, study.Wdbc, study.Split, study.CrossValidation, forest, IntendedUse.Study, StudyModels.Created)).Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_card_reads_back_from_its_JSON_and_renders_every_section()
    {
        var json = study.Card.ToJson();
        var read = ModelCard.FromJson(json, "card.json");

        Assert.Equal(json, read.ToJson());
        Assert.Equal(study.Card.Threshold, read.Threshold);
        Assert.Equal(study.Card.Features, read.Features);
        Assert.Equal(study.Card.Created, read.Created);
        Assert.Contains("\"trainingRowsSha256\": \"" + study.Card.Data.TrainingRowsSha256 + "\"", json, StringComparison.Ordinal);
        Assert.Contains("card.json: the model card is not valid", Assert.Throws<ModelFileException>(() => ModelCard.FromJson("{\"version\": 1}", "card.json")).Message, StringComparison.Ordinal);
        var page = ModelCardHtml.Page(study.Card);
        foreach (var section in new[] { "intended use", "training data", "nested cross-validated (95 % CI)", "at the decision threshold", "calibration", "training min", "software" })
        {
            Assert.Contains($"<th>{section}</th>", page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
    }
}
