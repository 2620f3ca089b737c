using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Tests.Data;

namespace BreastCancer.Analysis.Tests.Deployment;

public sealed class ModelStoreTests(StudyModels study) : IClassFixture<StudyModels>
{
    [Fact]
    public void A_saved_model_loads_as_the_current_version_and_predicts_as_before_saving()
    {
        using var files = new TempFiles();
        var root = files.PathOf("models");

        var saved = ModelStore.Save(root, study.Final, study.Card);
        var current = ModelStore.Load(root);
        var byVersion = ModelStore.Load(root, study.Card.Version);

        Assert.Equal(Path.Combine(root, study.Card.Version), saved.Folder);
        Assert.Equal(["card.json", "model.zip"], Directory.GetFiles(saved.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(study.Card.Version + "\n", File.ReadAllText(Path.Combine(root, "current")));
        Assert.Equal(study.Card.ToJson(), current.Card.ToJson());
        var before = study.Final.Fitted.PredictProbability(study.RowsToScore);
        Assert.Equal(before, current.PredictProbability(study.RowsToScore));
        Assert.Equal(before, byVersion.PredictProbability(study.RowsToScore));
        Assert.Equal(before.Select(p => p >= study.Final.Threshold), current.Decide(before));
    }

    [Fact]
    public void The_store_renders_no_html_and_the_cards_page_is_written_beside_the_card_by_whoever_shows_it()
    {
        using var files = new TempFiles();
        var saved = ModelStore.Save(files.PathOf("models"), study.Final, study.Card);

        var page = ModelCardHtml.Save(saved);

        Assert.Equal(Path.Combine(saved.Folder, ModelCardHtml.PageFileName), page);
        Assert.Equal(["card.html", "card.json", "model.zip"], Directory.GetFiles(saved.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(ModelCardHtml.Page(study.Card), File.ReadAllText(page));
    }

    [Fact]
    public void Saving_again_and_saving_another_version_keep_every_version_and_move_the_current_one()
    {
        using var files = new TempFiles();
        var root = files.PathOf("models");
        var other = study.Tuned(study.Model.With("l2", 0.3), seed: 1);

        ModelStore.Save(root, study.Final, study.Card);
        ModelStore.Save(root, other.Final, other.Card);
        ModelStore.Save(root, other.Final, other.Card);

        Assert.Equal(other.Card.Version, ModelStore.Load(root).Version);
        Assert.Equal(study.Final.Fitted.PredictProbability(study.RowsToScore), ModelStore.Load(root, study.Card.Version).PredictProbability(study.RowsToScore));
        Assert.Equal(2, Directory.GetDirectories(root).Length);
        Assert.Empty(Directory.GetFiles(root, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Missing_or_contradictory_stores_and_rows_of_the_wrong_width_are_refused_with_the_reason()
    {
        using var files = new TempFiles();
        var root = files.PathOf("models");

        Assert.Contains("no current model", Assert.Throws<ModelFileException>(() => ModelStore.Load(root)).Message, StringComparison.Ordinal);
        var saved = ModelStore.Save(root, study.Final, study.Card);
        Assert.Contains("no saved version v9", Assert.Throws<ModelFileException>(() => ModelStore.Load(root, "v9")).Message, StringComparison.Ordinal);
        var other = study.Tuned(study.Model.With("l2", 0.3), seed: 1);
        Assert.Contains("the card describes 'logistic regression, L2 (l2 = 3)' (seed 1), the model is 'logistic regression, L2 (l2 = 0.3)' (seed 1)",
            Assert.Throws<ArgumentException>(() => ModelStore.Save(root, other.Final, study.Card)).Message, StringComparison.Ordinal);
        var wrongRow = Assert.Throws<ArgumentException>(() => saved.PredictProbability([study.Wdbc.Row(0), study.Wdbc.Row(1)[1..]]));
        Assert.Contains("row 2 has 29 values", wrongRow.Message, StringComparison.Ordinal);

        var cardPath = Path.Combine(saved.Folder, "card.json");
        File.WriteAllText(cardPath, File.ReadAllText(cardPath).Replace(study.Card.Version, "renamed", StringComparison.Ordinal));
        Assert.Contains("the card is of version renamed", Assert.Throws<ModelFileException>(() => ModelStore.Load(root)).Message, StringComparison.Ordinal);
        File.WriteAllText(cardPath, other.Card.ToJson().Replace(other.Card.Version, study.Card.Version, StringComparison.Ordinal));
        Assert.Contains("the model file holds 'logistic regression, L2 (l2 = 3)' on 30 features, the card describes 'logistic regression, L2 (l2 = 0.3)'",
            Assert.Throws<ModelFileException>(() => ModelStore.Load(root)).Message, StringComparison.Ordinal);
    }
}
