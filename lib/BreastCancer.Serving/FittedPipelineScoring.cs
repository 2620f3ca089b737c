using BreastCancer.Analysis.Modeling;

namespace BreastCancer.Serving;

/// <summary>How a fitted pipeline gets its fast scorer: <c>pipeline.CreateScorer()</c>.</summary>
public static class FittedPipelineScoring
{
    /// <summary>
    /// A scorer of <paramref name="pipeline"/> for one row or a caller's buffer of rows at a time, with the same
    /// probabilities as <see cref="FittedPipeline.PredictProbability"/> and without its fixed cost per call
    /// (<see cref="PipelineScorer"/>; thread-safe, so make one and keep it). <paramref name="featureNames"/> name the
    /// features of a row in errors; without them the features are numbered, as many as the first step reads.
    /// </summary>
    /// <exception cref="ArgumentException">No names are given and the pipeline does not say how many features it reads.</exception>
    public static PipelineScorer CreateScorer(this FittedPipeline pipeline, IReadOnlyList<string>? featureNames = null) => new(pipeline, featureNames);
}
