using System.Collections.Immutable;
using System.Globalization;
using BreastCancer.Analysis.Pipeline;

namespace BreastCancer.Analysis.Modeling;

/// <summary>
/// One entry of the <see cref="ModelCatalogue"/>: a learning algorithm with named hyperparameters and their current
/// values. <see cref="Pipeline"/> builds the study's pipeline around it (median imputation → standardisation → an
/// optional selector → the classifier), every step of which is fitted on training rows only. <see cref="With(string, double)"/> gives
/// the same model with one hyperparameter changed, which is what a search varies.
/// </summary>
public sealed class CatalogueModel
{
    private readonly Func<IReadOnlyDictionary<string, double>, IClassifier> _build;

    /// <summary>
    /// A model of the family <paramref name="family"/> with the given hyperparameters and how to build its classifier
    /// from them; <paramref name="staged"/> names the hyperparameter that counts the fitted model's stages, if any (see <see cref="Staged"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="staged"/> is not one of the hyperparameters.</exception>
    public CatalogueModel(string family, IReadOnlyDictionary<string, double> hyperparameters, Func<IReadOnlyDictionary<string, double>, IClassifier> build, string? staged = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(family);
        ArgumentNullException.ThrowIfNull(hyperparameters);
        Family = family;
        Hyperparameters = hyperparameters.ToImmutableSortedDictionary(StringComparer.Ordinal);
        _build = build ?? throw new ArgumentNullException(nameof(build));
        Staged = staged is null || Hyperparameters.ContainsKey(staged)
            ? staged
            : throw new ArgumentException($"{family} has no hyperparameter '{staged}' to count its stages", nameof(staged));
    }

    /// <summary>The family's name, e.g. <c>RBF SVM</c>.</summary>
    public string Family { get; }

    /// <summary>The hyperparameters by name, with their values.</summary>
    public IReadOnlyDictionary<string, double> Hyperparameters { get; }

    /// <summary>
    /// The hyperparameter that counts the fitted model's stages (a forest's or a boosted model's <c>trees</c>), or null:
    /// the fitted classifier is then an <see cref="IStagedFittedClassifier"/> whose first n stages are the model fitted
    /// with this hyperparameter at n and the same seed, so a search fits each setting once at its largest count.
    /// </summary>
    public string? Staged { get; }

    /// <summary>The family and its hyperparameters, e.g. <c>RBF SVM (C = 1, gamma = 0.03)</c>.</summary>
    public string Name => Hyperparameters.Count == 0
        ? Family
        : $"{Family} ({string.Join(", ", Hyperparameters.Select(h => $"{h.Key} = {Format(h.Value)}"))})";

    /// <summary>The same model with hyperparameter <paramref name="name"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The model has no hyperparameter of that name.</exception>
    public CatalogueModel With(string name, double value)
    {
        if (!Hyperparameters.ContainsKey(name))
        {
            throw new ArgumentException($"{Family} has no hyperparameter '{name}'; it has {string.Join(", ", Hyperparameters.Keys)}", nameof(name));
        }

        var changed = Hyperparameters.ToDictionary(StringComparer.Ordinal);
        changed[name] = value;
        return new CatalogueModel(Family, changed, _build, Staged);
    }

    /// <summary>
    /// The same model with each of <paramref name="values"/> set, e.g. the calibrated SVM at the setting a search of
    /// the uncalibrated one chose: <c>ModelCatalogue.RbfSvm.With(search.BestModel.Hyperparameters)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The model has no hyperparameter of one of the names.</exception>
    public CatalogueModel With(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Aggregate(this, (model, value) => model.With(value.Key, value.Value));
    }

    /// <summary>The classifier with the current hyperparameters.</summary>
    public IClassifier Classifier() => _build(Hyperparameters);

    /// <summary>
    /// The pipeline median imputation → standardisation → <paramref name="selector"/> (if any) → the classifier, named
    /// by the model (and the selector, as "model on selector").
    /// </summary>
    public ClassificationPipeline Pipeline(IFeatureStep? selector = null) =>
        new(selector is null
            ? [new SimpleImputer(ImputationStatistic.Median), new Standardizer()]
            : [new SimpleImputer(ImputationStatistic.Median), new Standardizer(), selector], Classifier())
        {
            DisplayName = selector is null ? Name : $"{Name} on {selector.Name}",
        };

    /// <inheritdoc />
    public override string ToString() => Name;

    private static string Format(double value) => double.IsNaN(value) ? "scale" : value.ToString("G4", CultureInfo.InvariantCulture);
}
