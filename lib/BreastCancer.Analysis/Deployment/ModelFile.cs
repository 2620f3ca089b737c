using System.IO.Compression;
using System.Text.Json;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// Saves a fitted pipeline to one file and loads it back, predicting exactly the same probabilities. The file is a zip
/// archive. When the classifier is (or calibrates) an ML.NET model, the archive is that model's ML.NET model file,
/// written by <c>MLContext.Model.Save</c> and readable by <c>MLContext.Model.Load</c>, whose model reads a
/// <c>Features</c> column of the features as the pipeline's steps leave them. Beside ML.NET's entries, the entry
/// <c>pipeline.json</c> holds the rest: the feature names, what each fitted step learned (imputation values, means and
/// scales, written in round-trip precision), and the calibration or, for the classifiers ML.NET does not have, the exact
/// RBF SVM's support vectors or the random forest's trees.
/// </summary>
public static class ModelFile
{
    /// <summary>
    /// Writes <paramref name="pipeline"/>, which reads <paramref name="features"/> (names, in order), to
    /// <paramref name="path"/>, replacing any file there only once the new one is complete.
    /// </summary>
    /// <exception cref="NotSupportedException">A step or classifier of a kind the file does not store.</exception>
    /// <exception cref="ArgumentException">The steps do not read as many features as are named.</exception>
    public static void Save(FittedPipeline pipeline, string name, IReadOnlyList<string> features, string path)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var writer = new ClassifierDocumentWriter();
        var document = new PipelineDocument(PipelineDocument.FormatName, PipelineDocument.CurrentVersion, name, features,
            [.. pipeline.Steps.Select(StepDocument.From)], pipeline.Classifier.Form.Accept(writer));
        if (document.Steps.FirstOrDefault(s => s.Width != features.Count) is { } step)
        {
            throw new ArgumentException($"{features.Count} features are named, but the step {step.GetType().Name} reads {step.Width}", nameof(features));
        }

        if (document.Classifier.Problem(features.Count) is { } problem)
        {
            throw new ArgumentException($"the classifier cannot be saved: {problem}", nameof(pipeline));
        }

        var archive = new MemoryStream();
        if (writer.MlNetModel is { } model)
        {
            var context = new MLContext();
            using var written = new MemoryStream();
            context.Model.Save(model.Model, MlNetRows.Schema(context, features.Count), written);
            archive.Write(written.ToArray());
        }

        using (var zip = new ZipArchive(archive, archive.Length == 0 ? ZipArchiveMode.Create : ZipArchiveMode.Update, leaveOpen: true))
        using (var entry = zip.CreateEntry(PipelineDocument.EntryName).Open())
        {
            JsonSerializer.Serialize(entry, document, JsonFiles.Options);
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temporary, archive.ToArray());
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing, is not a model file, or contradicts itself; the message says which.</exception>
    public static SavedPipeline Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "no such model file");
        }

        var bytes = File.ReadAllBytes(path);
        PipelineDocument document;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var entry = zip.GetEntry(PipelineDocument.EntryName)
                ?? throw new ModelFileException(path, $"the archive has no {PipelineDocument.EntryName} entry: it was not written by ModelFile.Save");
            using var reader = new StreamReader(entry.Open());
            document = JsonFiles.Read<PipelineDocument>(reader.ReadToEnd(), path, $"its {PipelineDocument.EntryName} entry");
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, "not a model file: it is not a zip archive", e);
        }

        if (document.Format != PipelineDocument.FormatName || document.FormatVersion != PipelineDocument.CurrentVersion)
        {
            throw new ModelFileException(path, $"format {document.Format} version {document.FormatVersion}; this library reads {PipelineDocument.FormatName} version {PipelineDocument.CurrentVersion}");
        }

        var width = document.Features.Count;
        if (document.Steps.FirstOrDefault(s => s.Width != width) is { } step)
        {
            throw new ModelFileException(path, $"the pipeline names {width} features, but its step {step.GetType().Name} has {step.Width}");
        }

        if (document.Classifier.Problem(width) is { } problem)
        {
            throw new ModelFileException(path, problem);
        }

        var classifier = document.Classifier.ToClassifier(() => LoadMlNet(path, bytes, width));
        return new SavedPipeline(document.Pipeline, document.Features, new FittedPipeline([.. document.Steps.Select(s => s.ToStep())], classifier));
    }

    private static (MLContext, ITransformer) LoadMlNet(string path, byte[] bytes, int width)
    {
        var context = new MLContext();
        ITransformer model;
        DataViewSchema schema;
        try
        {
            model = context.Model.Load(new MemoryStream(bytes), out schema);
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FormatException or ArgumentException)
        {
            throw new ModelFileException(path, $"its ML.NET model cannot be loaded: {e.Message}", e);
        }

        var features = (schema.GetColumnOrNull("Features")?.Type as VectorDataViewType)?.Size ?? 0;
        return features == width ? (context, model) : throw new ModelFileException(path, $"its ML.NET model reads {features} features, the pipeline {width}");
    }
}

/// <summary>A pipeline read from a model file.</summary>
/// <param name="Name">The pipeline's name when saved.</param>
/// <param name="Features">The features it reads, in order.</param>
/// <param name="Fitted">The fitted pipeline.</param>
public sealed record SavedPipeline(string Name, IReadOnlyList<string> Features, FittedPipeline Fitted);
