using System.Net;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class UncertaintyTests(TrainedModel model)
{
    [Fact]
    public async Task Each_prediction_carries_the_95_percent_conformal_set_of_the_cards_model_calibrated_out_of_fold_on_its_training_rows()
    {
        var training = model.Wdbc.Subset(model.Split.Train);
        var card = model.Saved.Card;
        var sets = ConformalClassifier.CrossValidated(ModelCatalogue.LogisticRegressionL2.With(card.Model.Hyperparameters).Pipeline(), training.ToArray(), training.IsMalignant,
            alpha: 0.05, folds: 5, seed: card.Model.Seed);
        var rows = model.Wdbc.Subset(model.Split.Test).ToArray()[..40];
        var client = model.App.CreateClient();

        var response = await client.PostAsync("/api/predict", Patients.Json(Patients.Batch(rows)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await Patients.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray().ToArray();
        var sizes = new List<int>();
        foreach (var prediction in predictions)
        {
            var set = sets.Set(prediction.GetProperty("probability").GetDouble());
            var uncertainty = prediction.GetProperty("uncertainty");
            string[] expected = [.. new[] { ("benign", set.Benign), ("malignant", set.Malignant) }.Where(d => d.Item2).Select(d => d.Item1)];
            Assert.Equal(expected, uncertainty.GetProperty("diagnoses").EnumerateArray().Select(d => d.GetString()!));
            Assert.Equal(0.95, uncertainty.GetProperty("level").GetDouble(), 12);
            Assert.Equal($"95 % prediction set: {set.Description}", uncertainty.GetProperty("statement").GetString());
            sizes.Add(set.Size);
        }

        Assert.Contains(1, sizes);
    }
}
