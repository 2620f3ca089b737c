using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Monitoring;
using BreastCancer.Serving;

namespace BreastCancer.Web.Models;

/// <summary>
/// One immutable state of the model the app serves: the saved model (pipeline and card), the rows it was trained on
/// (the reference of its SHAP values), the form's example patients and its conformal prediction sets. A request reads one snapshot from the
/// <see cref="ModelHolder"/> and uses only it, so a swap mid-request cannot mix two models.
/// </summary>
/// <param name="Model">The saved model.</param>
/// <param name="TrainingRows">Its training rows, in the card's feature order, checked against the card's SHA-256.</param>
/// <param name="TrainingProbabilities">The model's probability of malignancy for each training row: the reference of drift monitoring.</param>
/// <param name="Examples">The typical benign and typical malignant training patients, benign first.</param>
/// <param name="LoadedAt">When the snapshot was made.</param>
/// <param name="Uncertainty">The conformal prediction sets of the model, calibrated on out-of-fold probabilities of its training rows.</param>
public sealed record ModelSnapshot(SavedModel Model, IReadOnlyList<double[]> TrainingRows, IReadOnlyList<double> TrainingProbabilities, IReadOnlyList<ExamplePatient> Examples, DateTimeOffset LoadedAt, ConformalClassifier Uncertainty)
{
    /// <summary>The model's version.</summary>
    public string Version => Model.Version;

    /// <summary>The model card.</summary>
    public ModelCard Card => Model.Card;

    /// <summary>The model's scorer (<see cref="SavedModelScoring.CreateScorer"/>): its probabilities, microseconds per patient; thread-safe, made once per snapshot.</summary>
    public PipelineScorer Scorer { get; } = Model.CreateScorer();

    /// <summary>The feature names in the card's order.</summary>
    public IReadOnlyList<string> FeatureNames { get; } = [.. Model.Card.Features.Select(f => f.Name)];

    /// <summary>
    /// The exact SHAP explainer of the model against its training rows, prepared once; null when the model allows no
    /// exact explanation in log-odds, the units the page and the API show contributions in (a random forest's exact
    /// values are in probability, so its predictions go without them rather than under the wrong units).
    /// </summary>
    public ExactShapExplainer? Explainer { get; } =
        ExactShapExplainer.For(Model.Pipeline, TrainingRows, [.. Model.Card.Features.Select(f => f.Name)]) is { OutputSpace: ShapOutputSpace.LogOdds } explainer ? explainer : null;
}
