using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Tests.Data;

namespace BreastCancer.Analysis.Tests.Deployment;

public sealed class ModelStoreCopyTests(StudyModels study) : IClassFixture<StudyModels>
{
    [Fact]
    public void A_copy_holds_every_version_and_the_current_one_and_changing_it_leaves_the_original_alone()
    {
        using var files = new TempFiles();
        var (root, copy) = (files.PathOf("models"), files.PathOf("copy"));
        var other = study.Tuned(study.Model.With("l2", 0.3), seed: 1);
        ModelStore.Save(root, other.Final, other.Card);
        ModelStore.Save(root, study.Final, study.Card);

        Assert.Equal(Path.GetFullPath(copy), ModelStore.Copy(root, copy));

        Assert.Equal(ModelStore.Versions(root), ModelStore.Versions(copy));
        Assert.Equal(study.Card.Version, ModelStore.Load(copy).Version);
        foreach (var version in ModelStore.Versions(root))
        {
            foreach (var file in Directory.GetFiles(Path.Combine(root, version)))
            {
                Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(copy, version, Path.GetFileName(file))));
            }
        }

        ModelStore.Promote(copy, other.Card.Version);
        Assert.Equal(other.Card.Version, ModelStore.Load(copy).Version);
        Assert.Equal(study.Card.Version, ModelStore.Load(root).Version);
    }

    [Fact]
    public void Copying_no_store_or_onto_a_store_is_refused_with_the_file()
    {
        using var files = new TempFiles();
        var (root, copy) = (files.PathOf("models"), files.PathOf("copy"));

        var empty = Assert.Throws<ModelFileException>(() => ModelStore.Copy(root, copy));
        Assert.Contains("no current model to copy", empty.Message, StringComparison.Ordinal);

        ModelStore.Save(root, study.Final, study.Card);
        ModelStore.Copy(root, copy);
        var twice = Assert.Throws<ModelFileException>(() => ModelStore.Copy(root, copy));
        Assert.Contains("already holds a model store", twice.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(copy, "current"), twice.Message, StringComparison.Ordinal);
    }
}
