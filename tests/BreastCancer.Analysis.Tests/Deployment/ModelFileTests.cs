using System.IO.Compression;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Features;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using BreastCancer.Analysis.Tests.Data;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Tests.Deployment;

public sealed class ModelFileTests(StudyModels study) : IClassFixture<StudyModels>
{
    private static readonly CatalogueModel[] Saved =
        [ModelCatalogue.LogisticRegressionL2, ModelCatalogue.RandomForest, ModelCatalogue.LightGbm, ModelCatalogue.FastTree, ModelCatalogue.RbfSvm];

    public static TheoryData<string> Models => [.. Saved.Select(m => m.Family)];

    [Theory]
    [MemberData(nameof(Models))]
    public void A_saved_pipeline_predicts_exactly_the_same_probabilities_after_loading(string family)
    {
        using var files = new TempFiles();
        var model = Saved.Single(m => m.Family == family);
        var fitted = model.Pipeline().Fit([.. study.Split.Train.Select(study.Wdbc.Row)], [.. study.Split.Train.Select(r => study.Wdbc.IsMalignant[r])], seed: 1);
        var path = files.PathOf("model.zip");

        ModelFile.Save(fitted, model.Name, study.Wdbc.FeatureNames, path);
        var loaded = ModelFile.Load(path);

        Assert.Equal(model.Name, loaded.Name);
        Assert.Equal(study.Wdbc.FeatureNames, loaded.Features);
        Assert.Equal(fitted.PredictProbability(study.RowsToScore), loaded.Fitted.PredictProbability(study.RowsToScore));
    }

    [Fact]
    public void The_file_of_an_ML_NET_model_is_an_ML_NET_model_file_that_scores_the_transformed_features_as_the_pipeline_does()
    {
        using var files = new TempFiles();
        var path = files.PathOf("model.zip");
        ModelFile.Save(study.Final.Fitted, study.Model.Name, study.Wdbc.FeatureNames, path);

        var context = new MLContext();
        var model = context.Model.Load(path, out var schema);
        Assert.Equal(30, ((VectorDataViewType)schema["Features"].Type).Size);
        IReadOnlyList<double[]> transformed = study.Wdbc.ToArray();
        foreach (var step in study.Final.Fitted.Steps)
        {
            transformed = step.Transform(transformed);
        }

        var definition = SchemaDefinition.Create(typeof(Row));
        definition["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, 30);
        var view = context.Data.LoadFromEnumerable(transformed.Select(r => new Row { Features = [.. r.Select(v => (float)v)] }), definition);
        var probabilities = model.Transform(view).GetColumn<float>("Probability").Select(p => (double)p);
        Assert.Equal(study.Final.Fitted.PredictProbability(study.Wdbc.ToArray()), probabilities);
    }

    [Fact]
    public void Steps_and_classifiers_the_file_cannot_hold_are_refused_by_name_and_an_existing_file_is_kept()
    {
        using var files = new TempFiles();
        var path = files.PathOf("model.zip");
        var (rows, labels) = (study.Wdbc.ToArray(), study.Wdbc.IsMalignant);
        ModelFile.Save(study.Final.Fitted, study.Model.Name, study.Wdbc.FeatureNames, path);
        var before = File.ReadAllBytes(path);

        var selected = ModelCatalogue.LogisticRegressionL2.Pipeline(new CorrelationFilter()).Fit(rows, labels, seed: 1);
        var step = Assert.Throws<NotSupportedException>(() => ModelFile.Save(selected, "selected", study.Wdbc.FeatureNames, path));
        Assert.Contains("step 3 of the pipeline", step.Message, StringComparison.Ordinal);
        var isotonic = new ClassificationPipeline([new Standardizer()], new CalibratedClassifier(MlNetClassifier.FastTree(10), CalibrationMethod.Isotonic)).Fit(rows, labels, seed: 1);
        Assert.Contains("Platt scaling only", Assert.Throws<NotSupportedException>(() => ModelFile.Save(isotonic, "isotonic", study.Wdbc.FeatureNames, path)).Message, StringComparison.Ordinal);
        var baseline = ModelCatalogue.MajorityClass.Pipeline().Fit(rows, labels, seed: 1);
        Assert.Contains("cannot be saved", Assert.Throws<NotSupportedException>(() => ModelFile.Save(baseline, "baseline", study.Wdbc.FeatureNames, path)).Message, StringComparison.Ordinal);
        var wrongWidth = Assert.Throws<ArgumentException>(() => ModelFile.Save(study.Final.Fitted, "short", study.Wdbc.FeatureNames.Skip(1).ToList(), path));
        Assert.Contains("29 features are named", wrongWidth.Message, StringComparison.Ordinal);

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void Damaged_or_foreign_files_are_refused_with_the_file_and_the_reason()
    {
        using var files = new TempFiles();
        var good = files.PathOf("good.zip");
        ModelFile.Save(study.Final.Fitted, study.Model.Name, study.Wdbc.FeatureNames, good);
        var bytes = File.ReadAllBytes(good);

        Assert.Contains("no such model file", Refused(files.PathOf("missing.zip")), StringComparison.Ordinal);
        Assert.Contains("not a zip archive", Refused(files.Write("text.zip", "radius_mean,texture_mean\n")), StringComparison.Ordinal);
        Assert.Contains("not a zip archive", Refused(files.WriteBytes("truncated.zip", bytes[..(bytes.Length / 2)])), StringComparison.Ordinal);
        Assert.Contains("has no pipeline.json entry", Refused(Edited(files, "foreign.zip", bytes, null)), StringComparison.Ordinal);
        var json = ReadEntry(bytes);
        Assert.Contains("this library reads breast-cancer-analysis/pipeline version 1",
            Refused(Edited(files, "future.zip", bytes, json.Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal))), StringComparison.Ordinal);
        Assert.Contains("its pipeline.json entry is not valid", Refused(Edited(files, "broken.zip", bytes, json[..(json.Length / 2)])), StringComparison.Ordinal);
        var shorter = json.Replace("\"radius_mean\",", "", StringComparison.Ordinal);
        Assert.Contains("the pipeline names 29 features, but its step ImputationDocument has 30", Refused(Edited(files, "short.zip", bytes, shorter)), StringComparison.Ordinal);

        string Refused(string path)
        {
            var error = Assert.Throws<ModelFileException>(() => ModelFile.Load(path));
            Assert.Equal(path, error.Path);
            Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
            return error.Message;
        }
    }

    [Fact]
    public void A_forest_file_whose_trees_are_damaged_or_of_another_width_is_refused_with_the_reason()
    {
        using var files = new TempFiles();
        var good = files.PathOf("forest.zip");
        var forest = ModelCatalogue.RandomForest.With("trees", 3).Pipeline().Fit([.. study.Split.Train.Select(study.Wdbc.Row)], [.. study.Split.Train.Select(r => study.Wdbc.IsMalignant[r])], seed: 1);
        ModelFile.Save(forest, "forest", study.Wdbc.FeatureNames, good);
        var bytes = File.ReadAllBytes(good);
        var json = System.Text.Json.Nodes.JsonNode.Parse(ReadEntry(bytes))!;

        Assert.Equal("random-forest", (string?)json["classifier"]!["kind"]);
        var looped = json.DeepClone();
        looped["classifier"]!["nodes"]![0]!["leftChild"]![0] = 0;
        var narrower = json.DeepClone();
        narrower["classifier"]!["featureCount"] = 29;

        Assert.Contains("a tree of the forest is not valid: child 0 lies outside the tree or is reached twice", Refused(Edited(files, "looped.zip", bytes, looped.ToJsonString())), StringComparison.Ordinal);
        Assert.Contains("the forest reads 29 features for 30", Refused(Edited(files, "narrower.zip", bytes, narrower.ToJsonString())), StringComparison.Ordinal);
        Assert.Equal(forest.PredictProbability(study.RowsToScore), ModelFile.Load(good).Fitted.PredictProbability(study.RowsToScore));

        static string Refused(string path) => Assert.Throws<ModelFileException>(() => ModelFile.Load(path)).Message;
    }

    private static string ReadEntry(byte[] archive)
    {
        using var zip = new ZipArchive(new MemoryStream(archive));
        using var reader = new StreamReader(zip.GetEntry("pipeline.json")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>A copy of the archive with its pipeline.json replaced by <paramref name="json"/>, or removed when null.</summary>
    private static string Edited(TempFiles files, string name, byte[] archive, string? json)
    {
        var copy = new MemoryStream();
        copy.Write(archive);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("pipeline.json")!.Delete();
            if (json is not null)
            {
                using var writer = new StreamWriter(zip.CreateEntry("pipeline.json").Open());
                writer.Write(json);
            }
        }

        return files.WriteBytes(name, copy.ToArray());
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];
    }
}
