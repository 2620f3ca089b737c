using BreastCancer.Analysis.Deployment;

namespace BreastCancer.Serving;

/// <summary>How a saved model gets its fast scorer: <c>model.CreateScorer()</c>.</summary>
public static class SavedModelScoring
{
    /// <summary>A scorer of the model's pipeline (<see cref="FittedPipelineScoring.CreateScorer"/>) whose rows hold the card's features, named in its errors.</summary>
    public static PipelineScorer CreateScorer(this SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Pipeline.CreateScorer([.. model.Card.Features.Select(f => f.Name)]);
    }
}
