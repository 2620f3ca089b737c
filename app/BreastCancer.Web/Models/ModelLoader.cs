using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Explanation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Web.Models;

/// <summary>
/// Makes the app's first <see cref="ModelSnapshot"/>: the current model of the model store, or, when the store has
/// none, the <see cref="DefaultModel"/> trained and saved there (and logged). The training rows come from WDBC by the
/// card's split (seed and held-out share) and must match the card's SHA-256 of them; a retrained model's added rows
/// follow them, checked against the card likewise. The snapshot's prediction sets
/// are calibrated on the 5-fold out-of-fold probabilities of the card's model on those rows.
/// </summary>
public sealed partial class ModelLoader(ILogger<ModelLoader> logger, TimeProvider time)
{
    /// <summary>The error level of the prediction sets: they hold the true diagnosis for about 95 % of patients.</summary>
    public const double UncertaintyAlpha = 0.05;

    /// <summary>The folds of the out-of-fold probabilities the prediction sets are calibrated on.</summary>
    public const int UncertaintyFolds = 5;

    /// <summary>Loads the current model from <paramref name="folder"/>, training the default one there first when there is none; WDBC is read from <paramref name="dataFile"/>.</summary>
    /// <exception cref="ModelFileException">The store's files, or the training rows, do not agree with the card.</exception>
    public ModelSnapshot LoadOrTrain(string folder, string dataFile)
    {
        var wdbc = DataLoader.Load(dataFile);
        SavedModel model;
        if (HasCurrentModel(folder))
        {
            model = ModelStore.Load(folder);
            LogLoaded(model.Version, folder);
        }
        else
        {
            LogTraining(folder);
            var started = time.GetTimestamp();
            model = DefaultModel.TrainAndSave(wdbc, folder, time.GetUtcNow());
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            LogTrained(model.Version, folder, seconds);
        }

        return Snapshot(model, wdbc, time.GetUtcNow());
    }

    /// <summary>Whether <paramref name="folder"/>'s model store has a current model, which <see cref="LoadOrTrain"/> loads rather than trains.</summary>
    public static bool HasCurrentModel(string folder) => File.Exists(Path.Combine(folder, ModelStore.CurrentFile));

    /// <summary>
    /// The snapshot of <paramref name="model"/>, with its training rows (<see cref="TrainingRowsOf"/>): those of the card's
    /// split of <paramref name="wdbc"/>, followed by the rows added when it was retrained.
    /// </summary>
    /// <exception cref="ModelFileException">The rows are not the ones the card says the model was trained on.</exception>
    public static ModelSnapshot Snapshot(SavedModel model, BreastCancerData wdbc, DateTimeOffset loadedAt)
    {
        var training = TrainingRowsOf(model, wdbc);
        var rows = training.Rows;
        var probabilities = model.PredictProbability(rows);
        var cases = PatientCases.Pick(probabilities, training.Malignant, model.Card.Threshold.Threshold);
        ExamplePatient Example(string key, PatientCase patient) =>
            new(key, $"{patient.Role}: {training.Describe(patient.Row)}, probability {patient.Probability:P1}", rows[patient.Row]);
        var family = FamilyOf(model);
        var uncertainty = ConformalClassifier.CrossValidated(family.Pipeline(), rows, training.Malignant, UncertaintyAlpha, UncertaintyFolds, model.Card.Model.Seed);
        return new ModelSnapshot(model, rows, probabilities, [Example("benign", cases.Benign), Example("malignant", cases.Malignant)], loadedAt, uncertainty);
    }

    /// <summary>
    /// The rows <paramref name="model"/> was trained on: the training rows of the card's split (seed and held-out share)
    /// of <paramref name="wdbc"/>, which must have the card's SHA-256, followed by its added rows, which must have theirs.
    /// </summary>
    /// <exception cref="ModelFileException">The split's rows, or the added rows, are not those of the card; the message names the file and why.</exception>
    public static TrainingRows TrainingRowsOf(SavedModel model, BreastCancerData wdbc)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(wdbc);
        var data = model.Card.Data;
        var split = HeldOutSplit.Create(wdbc, data.TestFraction, data.SplitSeed);
        var training = wdbc.Subset(split.Train);
        var hash = DataFingerprint.OfRows(training);
        if (hash != data.TrainingRowsSha256)
        {
            throw new ModelFileException(Path.Combine(model.Folder, ModelStore.CardFileName),
                $"the card's training rows have SHA-256 {data.TrainingRowsSha256}, but the split (seed {data.SplitSeed}, {data.TestFraction:P0} held out) of {wdbc.Source} gives {hash}: the data file is not the one the model was trained on");
        }

        var added = model.AddedRows ?? AddedTrainingRows.None;
        var expected = model.Card.Update?.AddedRows;
        if ((expected?.RowsSha256 ?? AddedTrainingRows.None.Sha256) != added.Sha256)
        {
            throw new ModelFileException(Path.Combine(model.Folder, expected?.File ?? AddedTrainingRows.FileName), expected is null
                ? $"the card records no added rows, but {added.Count} were loaded with the model"
                : $"the card records {expected.Rows} added rows with SHA-256 {expected.RowsSha256}, but the rows loaded with the model ({added.Count}) have {added.Sha256}");
        }

        return new TrainingRows([.. training.ToArray(), .. added.Rows], [.. training.IsMalignant, .. added.Malignant], training.RowCount,
            [.. new string?[training.RowCount], .. added.Cases]);
    }

    /// <summary>The catalogue model of <paramref name="model"/>'s card, at the card's hyperparameters.</summary>
    /// <exception cref="ModelFileException">The card's family is not in the catalogue.</exception>
    public static CatalogueModel FamilyOf(SavedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var family = ModelCatalogue.All.FirstOrDefault(m => m.Family == model.Card.Model.Family)
            ?? throw new ModelFileException(Path.Combine(model.Folder, ModelStore.CardFileName), $"the card's model family '{model.Card.Model.Family}' is not in the catalogue ({string.Join(", ", ModelCatalogue.All.Select(m => m.Family))})");
        return family.With(model.Card.Model.Hyperparameters);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded model {Version} from {Folder}")]
    private partial void LogLoaded(string version, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No current model in {Folder}: training the default model (L2 logistic regression, l2 = 3, seed 1) on WDBC's study split")]
    private partial void LogTraining(string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained and saved the default model {Version} to {Folder} in {Seconds:F1} s")]
    private partial void LogTrained(string version, string folder, double seconds);
}
