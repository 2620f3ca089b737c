using System.Net;
using System.Text.Json;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Web.Tests;

/// <summary>
/// A random forest served by the app: its exact SHAP values are in probability, not in the log-odds the page and the
/// API show, so its predictions come without contributions rather than under the wrong units.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class ForestModelTests(TrainedModel model)
{
    [Fact]
    public async Task A_forest_scores_as_the_saved_model_does_and_its_answer_carries_no_log_odds_contributions()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"bc-web-forest-{Guid.NewGuid():N}");
        try
        {
            var forest = ModelCatalogue.RandomForest.With("trees", 20);
            var train = model.Wdbc.Subset(model.Split.Train);
            var folds = StratifiedGroupKFold.Split(train.IsMalignant, null, 3, seed: 1);
            var final = FinalModel.Train(forest, model.Wdbc, model.Split, seed: 1);
            var crossValidation = CrossValidation.Run(forest.Pipeline(), train, folds, seed: 1, operatingPoint: new OperatingPointOptions());
            var nested = NestedCrossValidation.Grid(forest, [("leaves", [8.0, 32.0])], train.ToArray(), train.IsMalignant, folds, innerFolds: 3, Metric.RocAuc, seed: 1);
            var saved = ModelStore.Save(folder, final, ModelCard.Create(final, model.Wdbc, model.Split, crossValidation, nested, IntendedUse.Study, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
            using var app = new WebApp(folder);
            using var client = app.CreateClient();
            var row = model.Wdbc.Subset(model.Split.Test).ToArray()[0];

            var response = await client.PostAsync("/api/predict", Patients.Json(Patients.One(row)));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await Patients.ReadJsonAsync(response);
            Assert.Equal(saved.Version, body.GetProperty("modelVersion").GetString());
            Assert.Equal(ModelStore.Load(folder).PredictProbability([row])[0], body.GetProperty("probability").GetDouble(), 12);
            Assert.Equal(JsonValueKind.Null, body.GetProperty("explanation").ValueKind);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
