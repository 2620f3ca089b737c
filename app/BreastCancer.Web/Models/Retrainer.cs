using System.Diagnostics;
using System.Globalization;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Display;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Tuning;
using BreastCancer.Web.Monitoring;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Models;

/// <summary>
/// The model update from confirmed outcomes, shared by <c>POST /api/models/retrain</c> and the <c>retrain</c> command.
/// <see cref="Challenge"/> compares a challenger (the champion's procedure: family, hyperparameters, seed, threshold
/// rule) trained on the champion's training rows plus the outcomes it has not seen with the champion, on identical folds
/// of those outcomes that keep each case (a tumour's predictions that share a case number) in one fold
/// (<see cref="ChallengerComparison"/>); then fits the challenger on all of them, makes its card as
/// <see cref="DefaultModel"/> makes one (10-fold cross-validation repeated 3 times with an operating point in each
/// training fold; the nested cross-validation of its one fixed setting, since a retrain searches nothing), every fold
/// and inner fold keeping a case together, and saves it, with the added rows' cases and the card's page, as a new
/// version without making it current. <see cref="Retrain"/> does so for the model the app serves and, when the
/// verdict allows and the caller asks, promotes it through <see cref="ModelVersions"/>, which swaps it in without a restart.
/// </summary>
public sealed class Retrainer(ModelHolder holder, ModelVersions versions, PredictionStore store, IOptions<ModelOptions> modelOptions, IOptions<RetrainOptions> retrainOptions,
    IWebHostEnvironment environment, TimeProvider time)
{
    /// <summary>Folds of the card's cross-validation, as for <see cref="DefaultModel"/>.</summary>
    public const int CardFolds = 10;

    /// <summary>Repetitions of the card's cross-validation.</summary>
    public const int CardRepeats = 3;

    /// <summary>Inner folds of the card's nested cross-validation.</summary>
    public const int CardInnerFolds = 5;

    private readonly Lock _running = new();

    /// <summary>
    /// Retrains against the model the app serves on every confirmed outcome of the monitoring store, saves the
    /// challenger, and promotes it (served from now on) when <paramref name="promote"/> and the verdict allow. Null when
    /// another retrain is running.
    /// </summary>
    /// <exception cref="TooFewOutcomesException">Too few new outcomes of a diagnosis to compare.</exception>
    /// <exception cref="InvalidOperationException">The <c>Retrain</c> settings are not usable (the message names them).</exception>
    /// <exception cref="ModelFileException">The champion's training rows, or the saved challenger, do not agree with their cards.</exception>
    public RetrainReport? Retrain(bool promote)
    {
        if (!_running.TryEnter())
        {
            return null;
        }

        try
        {
            var options = retrainOptions.Value;
            if (options.Problems() is [_, ..] problems)
            {
                throw new InvalidOperationException($"the retrain settings are not usable: {string.Join("; ", problems)}");
            }

            var wdbc = DataLoader.Load(RepositoryPaths.Resolve(environment.ContentRootPath, modelOptions.Value.Data));
            var report = Challenge(holder.Current.Model, wdbc, store.Labelled(), RepositoryPaths.Resolve(environment.ContentRootPath, modelOptions.Value.Folder),
                options.ToCriteria(), time.GetUtcNow());
            if (!promote || !report.Comparison.Verdict.Promote)
            {
                return report;
            }

            versions.Promote(report.Challenger);
            return report with { Promoted = true };
        }
        finally
        {
            _running.Exit();
        }
    }

    /// <summary>
    /// Compares a challenger with <paramref name="champion"/> on the outcomes of <paramref name="labelled"/> that the
    /// champion was not trained on, fits it on the champion's training rows (rebuilt from <paramref name="wdbc"/>) and all
    /// of them, and saves it with its card and the card's page, dated <paramref name="created"/>, as a version of <paramref name="folder"/>
    /// without making it current. Its added rows are the champion's and the new outcomes, in the order they were recorded.
    /// </summary>
    /// <exception cref="TooFewOutcomesException">Too few new outcomes of a diagnosis to compare.</exception>
    /// <exception cref="ModelFileException">The champion's training rows do not agree with its card, or its family is not in the catalogue.</exception>
    public static RetrainReport Challenge(SavedModel champion, BreastCancerData wdbc, IReadOnlyList<LabelledPrediction> labelled, string folder, RetrainCriteria criteria,
        DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(champion);
        ArgumentNullException.ThrowIfNull(wdbc);
        ArgumentNullException.ThrowIfNull(labelled);
        var clock = Stopwatch.StartNew();
        var training = ModelLoader.TrainingRowsOf(champion, wdbc);
        var earlier = champion.AddedRows ?? AddedTrainingRows.None;
        var (fresh, known) = NewOutcomes(earlier, labelled);
        var procedure = ModelLoader.FamilyOf(champion);
        var comparison = ChallengerComparison.Run(champion, procedure, training.Rows, training.Malignant, fresh, criteria, training.Cases);

        var card = champion.Card;
        var seed = card.Model.Seed;
        var operatingPoint = new OperatingPointOptions(card.Threshold.TargetSensitivity);
        var added = earlier.Concat(fresh);
        var split = HeldOutSplit.Create(wdbc, card.Data.TestFraction, card.Data.SplitSeed);
        var final = FinalModel.Train(procedure, wdbc, split, added, seed, operatingPoint);
        IReadOnlyList<double[]> rows = [.. training.Rows.Take(training.SplitRows), .. added.Rows];
        IReadOnlyList<bool> labels = [.. training.Malignant.Take(training.SplitRows), .. added.Malignant];
        IReadOnlyList<string?> groups = [.. new string?[training.SplitRows], .. added.Cases];
        var folds = StratifiedGroupKFold.Split(labels, groups, CardFolds, seed, CardRepeats);
        var crossValidation = CrossValidation.Run(procedure.Pipeline(), rows, labels, folds, seed, operatingPoint: operatingPoint, groups: groups);
        var family = Analysis.Modeling.ModelCatalogue.All.First(m => m.Family == procedure.Family);
        var nested = NestedCrossValidation.Grid(family, [.. procedure.Hyperparameters.Select(h => (h.Key, (IReadOnlyList<double>)[h.Value]))], rows, labels, folds,
            CardInnerFolds, Metric.RocAuc, seed, groups: groups);
        var challengerCard = ModelCard.ForChallenger(final, wdbc, split, added, comparison, crossValidation, nested, card.Use, created);
        var saved = ModelStore.SaveVersion(folder, final, challengerCard, added);
        ModelCardHtml.Save(saved);
        return new RetrainReport(champion.Version, saved.Version, saved.Folder, fresh.Count, known, rows.Count, comparison, Promoted: false, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The outcomes of <paramref name="labelled"/> not among <paramref name="earlier"/> (the champion's added rows),
    /// matched by diagnosis and the 30 values exactly, each earlier row matching one outcome, with their predictions'
    /// case numbers (null where none was given); and how many matched.
    /// </summary>
    private static (AddedTrainingRows Fresh, int Known) NewOutcomes(AddedTrainingRows earlier, IReadOnlyList<LabelledPrediction> labelled)
    {
        static string Key(IEnumerable<double> values, bool malignant) =>
            (malignant ? "M," : "B,") + string.Join(',', values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        var seen = earlier.Rows.Select((r, i) => Key(r, earlier.Malignant[i])).GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var (rows, malignant, cases, known) = (new List<double[]>(), new List<bool>(), new List<string?>(), 0);
        foreach (var outcome in labelled)
        {
            var key = Key(outcome.Prediction.Features, outcome.Malignant);
            if (seen.TryGetValue(key, out var count) && count > 0)
            {
                seen[key] = count - 1;
                known++;
            }
            else
            {
                rows.Add([.. outcome.Prediction.Features]);
                malignant.Add(outcome.Malignant);
                cases.Add(outcome.Prediction.Case);
            }
        }

        return (new AddedTrainingRows(rows, malignant, cases), known);
    }
}
