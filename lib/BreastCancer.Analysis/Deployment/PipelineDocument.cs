using System.Text.Json.Serialization;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Pipeline;
using Microsoft.ML;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// The library's part of a model file, its entry <c>pipeline.json</c>: the features the pipeline reads, what each
/// fitted step learned, and how the classifier is stored. Its own records, not the library's types, so that the file
/// format changes only on purpose (then <see cref="CurrentVersion"/> changes too).
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>.</param>
/// <param name="FormatVersion">The version of this format the file was written in.</param>
/// <param name="Pipeline">The pipeline's name.</param>
/// <param name="Features">The names of the features the pipeline reads, in order.</param>
/// <param name="Steps">The fitted feature steps, in order.</param>
/// <param name="Classifier">The fitted classifier.</param>
internal sealed record PipelineDocument(string Format, int FormatVersion, string Pipeline, IReadOnlyList<string> Features, IReadOnlyList<StepDocument> Steps,
    ClassifierDocument Classifier)
{
    /// <summary>The format's name.</summary>
    public const string FormatName = "breast-cancer-analysis/pipeline";

    /// <summary>The version written.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The entry's name in the model file.</summary>
    public const string EntryName = "pipeline.json";
}

/// <summary>A fitted feature step in the file.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ImputationDocument), "imputation")]
[JsonDerivedType(typeof(StandardisationDocument), "standardisation")]
internal abstract record StepDocument
{
    /// <summary>The number of features the step reads and writes.</summary>
    public abstract int Width { get; }

    /// <summary>The document of a fitted step (the step at <paramref name="position"/>, from 0, for the error).</summary>
    /// <exception cref="NotSupportedException">A kind of step the file format does not store.</exception>
    public static StepDocument From(IFittedFeatureStep step, int position) => step switch
    {
        SimpleImputer.FittedImputer imputer => new ImputationDocument(imputer.Method, imputer.Fill),
        Standardizer.FittedStandardizer standardizer => new StandardisationDocument(standardizer.Means, standardizer.Scales),
        _ => throw new NotSupportedException($"step {position + 1} of the pipeline ({step.GetType().Name}) cannot be saved: a model file stores simple imputation and standardisation steps"),
    };

    /// <summary>The fitted step again.</summary>
    public abstract IFittedFeatureStep ToStep();
}

/// <summary>A <see cref="SimpleImputer.FittedImputer"/>.</summary>
internal sealed record ImputationDocument(string Method, IReadOnlyList<double> Fill) : StepDocument
{
    /// <inheritdoc />
    public override int Width => Fill.Count;

    /// <inheritdoc />
    public override IFittedFeatureStep ToStep() => new SimpleImputer.FittedImputer(Method, Fill);
}

/// <summary>A <see cref="Standardizer.FittedStandardizer"/>.</summary>
internal sealed record StandardisationDocument(IReadOnlyList<double> Means, IReadOnlyList<double> Scales) : StepDocument
{
    /// <inheritdoc />
    public override int Width => Means.Count == Scales.Count ? Means.Count : -1;

    /// <inheritdoc />
    public override IFittedFeatureStep ToStep() => new Standardizer.FittedStandardizer(Means, Scales);
}

/// <summary>A fitted classifier in the file, written by <see cref="ClassifierDocumentWriter"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(MlNetDocument), "ml.net")]
[JsonDerivedType(typeof(PlattCalibratedDocument), "platt-calibrated")]
[JsonDerivedType(typeof(RbfSvmDocument), "rbf-svm")]
[JsonDerivedType(typeof(ForestDocument), "random-forest")]
internal abstract record ClassifierDocument
{
    /// <summary>Whether this classifier, or one inside it, is the file's ML.NET model.</summary>
    public abstract bool UsesMlNetModel { get; }

    /// <summary>A problem with the document for <paramref name="width"/> input features, or null when there is none.</summary>
    public abstract string? Problem(int width);

    /// <summary>The fitted classifier again; <paramref name="mlNetModel"/> loads the file's ML.NET model.</summary>
    public abstract IFittedClassifier ToClassifier(Func<(MLContext Context, ITransformer Model)> mlNetModel);
}

/// <summary>The ML.NET model stored in the file's ML.NET entries (it reads the <c>Features</c> column).</summary>
internal sealed record MlNetDocument : ClassifierDocument
{
    /// <inheritdoc />
    public override bool UsesMlNetModel => true;

    /// <inheritdoc />
    public override string? Problem(int width) => null;

    /// <inheritdoc />
    public override IFittedClassifier ToClassifier(Func<(MLContext Context, ITransformer Model)> mlNetModel)
    {
        ArgumentNullException.ThrowIfNull(mlNetModel);
        var (context, model) = mlNetModel();
        return new FittedMlNetClassifier(context, model);
    }
}

/// <summary>A classifier whose decision score is Platt-scaled (<see cref="PlattScaling"/>).</summary>
internal sealed record PlattCalibratedDocument(ClassifierDocument Inner, double Slope, double Offset) : ClassifierDocument
{
    /// <inheritdoc />
    public override bool UsesMlNetModel => Inner.UsesMlNetModel;

    /// <inheritdoc />
    public override string? Problem(int width) => double.IsFinite(Slope) && double.IsFinite(Offset) ? Inner.Problem(width) : "the Platt slope and offset must be finite";

    /// <inheritdoc />
    public override IFittedClassifier ToClassifier(Func<(MLContext Context, ITransformer Model)> mlNetModel) =>
        new FittedCalibratedClassifier(Inner.ToClassifier(mlNetModel), new PlattScaling(Slope, Offset), null);
}

/// <summary>A <see cref="FittedKernelSvm"/>: its support vectors, their dual coefficients αᵢyᵢ, ρ and γ.</summary>
internal sealed record RbfSvmDocument(IReadOnlyList<double[]> SupportVectors, IReadOnlyList<double> DualCoefficients, double Rho, double Gamma) : ClassifierDocument
{
    /// <inheritdoc />
    public override bool UsesMlNetModel => false;

    /// <inheritdoc />
    public override string? Problem(int width) =>
        SupportVectors.Count != DualCoefficients.Count ? $"{SupportVectors.Count} support vectors for {DualCoefficients.Count} dual coefficients"
        : SupportVectors.FirstOrDefault(v => v.Length != width) is { } wrong ? $"a support vector has {wrong.Length} values for {width} features"
        : Gamma > 0 ? null : "γ must be positive";

    /// <inheritdoc />
    public override IFittedClassifier ToClassifier(Func<(MLContext Context, ITransformer Model)> mlNetModel) => new FittedKernelSvm(SupportVectors, DualCoefficients, Rho, Gamma);
}

/// <summary>
/// A <see cref="BreimanForest"/>: the settings it was grown with (<see cref="ForestSettings"/>'s, one by one), the width of
/// its rows and its trees.
/// </summary>
internal sealed record ForestDocument(int Trees, int MaxLeaves, int MinLeafRows, double FeatureFraction, bool Bootstrap, int FeatureCount, IReadOnlyList<TreeDocument> Nodes)
    : ClassifierDocument
{
    /// <summary>The document of <paramref name="forest"/>.</summary>
    public static ForestDocument From(BreimanForest forest)
    {
        var s = forest.Settings;
        return new(s.Trees, s.MaxLeaves, s.MinLeafRows, s.FeatureFraction, s.Bootstrap, forest.FeatureCount, [.. forest.Trees.Select(t =>
            new TreeDocument(t.SplitFeatures, t.Thresholds, t.LeftChild, t.RightChild, t.NodeWeights, t.LeafValues, t.LeafWeights))]);
    }

    /// <inheritdoc />
    public override bool UsesMlNetModel => false;

    /// <inheritdoc />
    public override string? Problem(int width) =>
        FeatureCount != width ? $"the forest reads {FeatureCount} features for {width}"
        : Nodes.Select(t => t.Problem()).FirstOrDefault(p => p is not null) is { } tree ? $"a tree of the forest is not valid: {tree}"
        : BreimanForest.Problem([.. Nodes.Select(t => t.ToTree())], FeatureCount, Settings);

    /// <inheritdoc />
    public override IFittedClassifier ToClassifier(Func<(MLContext Context, ITransformer Model)> mlNetModel) =>
        BreimanForest.FromTrees([.. Nodes.Select(t => t.ToTree())], FeatureCount, Settings);

    private ForestSettings Settings => new(Trees, MaxLeaves, MinLeafRows, FeatureFraction, Bootstrap);
}

/// <summary>One <see cref="ClassificationTree"/> of a <see cref="ForestDocument"/>, node by node; thresholds in single precision.</summary>
internal sealed record TreeDocument(IReadOnlyList<int> SplitFeatures, IReadOnlyList<float> Thresholds, IReadOnlyList<int> LeftChild, IReadOnlyList<int> RightChild,
    IReadOnlyList<double> NodeWeights, IReadOnlyList<double> LeafValues, IReadOnlyList<double> LeafWeights)
{
    /// <summary>Why the nodes are no tree, or null.</summary>
    public string? Problem() => ClassificationTree.Problem(SplitFeatures, Thresholds, LeftChild, RightChild, NodeWeights, LeafValues, LeafWeights);

    /// <summary>The tree.</summary>
    public ClassificationTree ToTree() => ClassificationTree.FromNodes(SplitFeatures, Thresholds, LeftChild, RightChild, NodeWeights, LeafValues, LeafWeights);
}
