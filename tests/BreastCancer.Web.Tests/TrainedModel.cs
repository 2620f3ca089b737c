using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Models;

namespace BreastCancer.Web.Tests;

/// <summary>The default model trained once per test run into a temporary models folder, WDBC and its study split, and the app served on that folder.</summary>
public sealed class TrainedModel : IDisposable
{
    public TrainedModel()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"bc-web-tests-{Guid.NewGuid():N}");
        Wdbc = DataLoader.Load(Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "data", "wdbc.csv"));
        Split = HeldOutSplit.ForStudy(Wdbc);
        Trained = DefaultModel.TrainAndSave(Wdbc, Folder, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Saved = ModelStore.Load(Folder);
        App = new WebApp(Folder);
    }

    public string Folder { get; }

    public BreastCancerData Wdbc { get; }

    public HeldOutSplit Split { get; }

    /// <summary>The model as training returned it.</summary>
    public SavedModel Trained { get; }

    /// <summary>The model as the library loads it from the folder: the independent reference for the app's answers.</summary>
    public SavedModel Saved { get; }

    public WebApp App { get; }

    public void Dispose()
    {
        App.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class TrainedModelGroup : ICollectionFixture<TrainedModel>
{
    public const string Name = "trained model";
}
