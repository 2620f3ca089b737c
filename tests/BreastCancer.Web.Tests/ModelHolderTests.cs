using BreastCancer.Web.Models;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class ModelHolderTests(TrainedModel model)
{
    [Fact]
    public void A_snapshot_loaded_from_the_store_has_the_cards_training_rows_starts_an_empty_holder_once_and_swaps_whole()
    {
        var snapshot = ModelLoader.Snapshot(model.Saved, model.Wdbc, DateTimeOffset.UnixEpoch);
        Assert.Equal(model.Wdbc.Subset(model.Split.Train).ToArray(), snapshot.TrainingRows);
        Assert.Equal(["benign", "malignant"], snapshot.Examples.Select(e => e.Key));

        var holder = new ModelHolder();
        Assert.False(holder.IsServing);
        Assert.Throws<InvalidOperationException>(() => holder.Current);
        holder.Start(snapshot);
        Assert.True(holder.IsServing);
        Assert.Throws<InvalidOperationException>(() => holder.Start(snapshot));
        var other = snapshot with { LoadedAt = DateTimeOffset.UnixEpoch.AddDays(1) };
        Assert.Same(snapshot, holder.Swap(other));
        Assert.Same(other, holder.Current);
    }

    [Fact]
    public void Training_rows_that_do_not_match_the_cards_hash_are_refused_naming_the_card()
    {
        var wrong = model.Saved with { Card = model.Saved.Card with { Data = model.Saved.Card.Data with { SplitSeed = 7 } } };
        var error = Assert.Throws<BreastCancer.Analysis.Deployment.ModelFileException>(() => ModelLoader.Snapshot(wrong, model.Wdbc, DateTimeOffset.UnixEpoch));
        Assert.Contains("card.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("not the one the model was trained on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_model_trains_to_the_same_version_and_probabilities_as_the_store_holds()
    {
        Assert.Equal(model.Trained.Version, model.Saved.Version);
        var rows = model.Wdbc.ToArray();
        Assert.Equal(model.Trained.PredictProbability(rows), model.Saved.PredictProbability(rows));
        Assert.Equal(3, model.Saved.Card.Model.Hyperparameters["l2"]);
        Assert.Equal(0.98, model.Saved.Card.Threshold.TargetSensitivity);
    }
}
