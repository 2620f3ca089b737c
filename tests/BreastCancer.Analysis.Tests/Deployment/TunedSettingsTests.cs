using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Tests.Deployment;

public sealed class TunedSettingsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-tuned-settings-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void A_saved_search_reloads_its_chosen_setting_and_refits_to_the_same_probabilities_as_the_search()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var (rows, labels) = (wdbc.ToArray(), wdbc.IsMalignant);
        var folds = StratifiedGroupKFold.Split(labels, null, 3, seed: 2);
        var lr = HyperparameterSearch.Grid(ModelCatalogue.LogisticRegressionL2, [("l2", [0.01, 3.0, 300.0])], rows, labels, folds, Metric.RocAuc, seed: 1);
        var svm = HyperparameterSearch.Grid(ModelCatalogue.RbfSvmMargin, [("C", [0.1, 10.0]), ("gamma", [0.01, 1.0])], rows, labels, folds, Metric.RocAuc, seed: 1);

        var path = TunedSettings.Of(lr, svm).Save(_folder);
        var loaded = TunedSettings.Load(_folder);

        Assert.Equal(Path.Combine(Path.GetFullPath(_folder), TunedSettings.FileName), path);
        Assert.Equal(path, loaded.Source);
        Assert.Equal([lr.Model, svm.Model], loaded.Searches.Select(s => s.Family));
        Assert.Equal([lr.Fits[lr.BestIndex].Mean, svm.Fits[svm.BestIndex].Mean], loaded.Searches.Select(s => s.Score));
        Assert.Equal([3, 4], loaded.Searches.Select(s => s.SettingsTried));
        Assert.All(loaded.Searches, s => Assert.Equal(Metric.RocAuc, s.Metric));
        foreach (var (search, model) in new[] { (lr, ModelCatalogue.LogisticRegressionL2), (svm, ModelCatalogue.RbfSvmMargin) })
        {
            var chosen = loaded.Chosen(model);
            Assert.Equal(search.BestModel.Name, chosen.Name);
            Assert.Equal(search.BestModel.Hyperparameters, chosen.Hyperparameters);
            Assert.Equal(search.Refitted.PredictProbability(rows), chosen.Pipeline().Fit(rows, labels, seed: 1).PredictProbability(rows));
        }
    }

    [Fact]
    public void A_missing_file_names_itself_and_the_notebook_that_writes_it()
    {
        var error = Assert.Throws<ModelFileException>(() => TunedSettings.Load(_folder));

        Assert.Equal(Path.Combine(Path.GetFullPath(_folder), TunedSettings.FileName), error.Path);
        Assert.Contains("notebook 06", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_settings_is_refused_naming_the_file()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, TunedSettings.FileName), """{ "searches": [ { "family": "x" """);

        var error = Assert.Throws<ModelFileException>(() => TunedSettings.Load(_folder));

        Assert.EndsWith(TunedSettings.FileName, error.Path, StringComparison.Ordinal);
        Assert.Contains("the tuned settings is not valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_family_not_searched_or_a_setting_that_does_not_fit_is_refused_by_name()
    {
        var settings = new TunedSettings([new TunedSetting(ModelCatalogue.RbfSvmMargin.Family, Metric.RocAuc, 0.99, 4, new Dictionary<string, double> { ["C"] = 10, ["depth"] = 3 })]);

        var missing = Assert.Throws<ModelFileException>(() => settings.Chosen(ModelCatalogue.LogisticRegressionL2));
        var misfit = Assert.Throws<ModelFileException>(() => settings.Chosen(ModelCatalogue.RbfSvmMargin));

        Assert.Contains($"no search of '{ModelCatalogue.LogisticRegressionL2.Family}' was saved; it holds '{ModelCatalogue.RbfSvmMargin.Family}'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("no hyperparameter 'depth'", misfit.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_searches_of_one_family_are_refused()
    {
        var wdbc = DataLoader.Load(Repository.Data("wdbc.csv"));
        var folds = StratifiedGroupKFold.Split(wdbc.IsMalignant, null, 3, seed: 2);
        var search = HyperparameterSearch.Grid(ModelCatalogue.LogisticRegressionL2, [("l2", [3.0])], wdbc.ToArray(), wdbc.IsMalignant, folds, Metric.RocAuc, seed: 1);

        var error = Assert.Throws<ArgumentException>(() => TunedSettings.Of(search, search));

        Assert.Contains($"2 searches of '{search.Model}'", error.Message, StringComparison.Ordinal);
    }
}
