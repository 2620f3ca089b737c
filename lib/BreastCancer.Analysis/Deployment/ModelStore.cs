using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// A folder of saved models (the repository's <c>models/</c>): each version in a folder of its own,
/// <c>VERSION/model.zip</c> (<see cref="ModelFile"/>), <c>VERSION/card.json</c> (<see cref="ModelCard"/>; the store
/// renders no HTML: its page <c>card.html</c> is written beside it by whoever shows it), for a retrained version
/// <c>VERSION/added-rows.csv</c> (<see cref="AddedTrainingRows"/>), and a file <c>current</c> naming the version in
/// use. Saving the same model again rewrites its folder; files are replaced only once complete, the card last (a
/// folder with a card is a version).
/// </summary>
public static class ModelStore
{
    /// <summary>The file naming the current version.</summary>
    public const string CurrentFile = "current";

    /// <summary>The model file's name in a version's folder.</summary>
    public const string ModelFileName = "model.zip";

    /// <summary>The card's JSON file in a version's folder.</summary>
    public const string CardFileName = "card.json";

    /// <summary>Saves <paramref name="final"/> with its <paramref name="card"/> under <paramref name="root"/> (<see cref="SaveVersion"/>) and makes it the current version.</summary>
    /// <exception cref="ArgumentException">The card describes another model, or other added rows.</exception>
    public static SavedModel Save(string root, FinalModel final, ModelCard card, AddedTrainingRows? addedRows = null)
    {
        var saved = SaveVersion(root, final, card, addedRows);
        WriteAtomically(Path.Combine(root, CurrentFile), card.Version + "\n");
        return saved;
    }

    /// <summary>
    /// Saves <paramref name="final"/> with its <paramref name="card"/> as a version under <paramref name="root"/>, and
    /// the rows it was trained on beyond WDBC's split, <paramref name="addedRows"/>, when its card records some; the
    /// current version stays as it was (<see cref="Promote"/> changes it).
    /// </summary>
    /// <exception cref="ArgumentException">The card describes another model, or other added rows.</exception>
    public static SavedModel SaveVersion(string root, FinalModel final, ModelCard card, AddedTrainingRows? addedRows = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(final);
        ArgumentNullException.ThrowIfNull(card);
        var pipeline = final.Model.Pipeline().Name;
        if (card.Model.Pipeline != pipeline || card.Model.Seed != final.Seed)
        {
            throw new ArgumentException($"the card describes '{card.Model.Pipeline}' (seed {card.Model.Seed}), the model is '{pipeline}' (seed {final.Seed})", nameof(card));
        }

        if (card.Update?.AddedRows.RowsSha256 != addedRows?.Sha256)
        {
            throw new ArgumentException(card.Update is null
                ? $"the card records no added rows, but {addedRows!.Count} were given"
                : $"the card records {card.Update.AddedRows.Rows} added rows with SHA-256 {card.Update.AddedRows.RowsSha256}, the rows given {(addedRows is null ? "are none" : $"have {addedRows.Sha256}")}", nameof(addedRows));
        }

        var folder = Path.Combine(root, card.Version);
        Directory.CreateDirectory(folder);
        if (addedRows is not null)
        {
            WriteAtomically(Path.Combine(folder, AddedTrainingRows.FileName), addedRows.ToCsv());
        }

        ModelFile.Save(final.Fitted, pipeline, [.. card.Features.Select(f => f.Name)], Path.Combine(folder, ModelFileName));
        WriteAtomically(Path.Combine(folder, CardFileName), card.ToJson());
        return new SavedModel(folder, card, final.Fitted, addedRows);
    }

    /// <summary>Loads <paramref name="version"/>, or the current version when it is null, from <paramref name="root"/>.</summary>
    /// <exception cref="ModelFileException">The version, its files (its added rows among them) or the current pointer are missing or do not agree; the message says which.</exception>
    public static SavedModel Load(string root, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (version is null)
        {
            var current = Path.Combine(root, CurrentFile);
            version = File.Exists(current) ? File.ReadAllText(current).Trim() : throw new ModelFileException(current, "no current model: save one first (notebook 06)");
        }

        var folder = Path.Combine(root, version);
        if (!Directory.Exists(folder))
        {
            throw new ModelFileException(folder, $"no saved version {version}");
        }

        var cardPath = Path.Combine(folder, CardFileName);
        var card = File.Exists(cardPath) ? ModelCard.FromJson(File.ReadAllText(cardPath), cardPath) : throw new ModelFileException(cardPath, "the version has no model card");
        if (card.Version != version)
        {
            throw new ModelFileException(cardPath, $"the card is of version {card.Version}, its folder is {version}");
        }

        var modelPath = Path.Combine(folder, ModelFileName);
        var saved = ModelFile.Load(modelPath);
        if (!saved.Features.SequenceEqual(card.Features.Select(f => f.Name)) || saved.Name != card.Model.Pipeline)
        {
            throw new ModelFileException(modelPath, $"the model file holds '{saved.Name}' on {saved.Features.Count} features, the card describes '{card.Model.Pipeline}' on {card.Features.Count}");
        }

        return new SavedModel(folder, card, saved.Fitted, card.Update is { } update ? ReadAddedRows(folder, cardPath, update.AddedRows) : null);
    }

    /// <summary>
    /// Makes <paramref name="version"/> the current version of <paramref name="root"/>, once it has loaded whole (so a
    /// broken version is never made current), and returns it. Every version stays in its folder; promoting an older one
    /// is how a rollback is made.
    /// </summary>
    /// <exception cref="ModelFileException">The version is missing, or its files do not agree; the message says which.</exception>
    public static SavedModel Promote(string root, string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var model = Load(root, version);
        WriteAtomically(Path.Combine(root, CurrentFile), version + "\n");
        return model;
    }

    /// <summary>The versions saved under <paramref name="root"/> (folders holding a model card), in ordinal order; none when the folder does not exist.</summary>
    public static IReadOnlyList<string> Versions(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return Directory.Exists(root)
            ? [.. Directory.EnumerateDirectories(root).Where(d => File.Exists(Path.Combine(d, CardFileName))).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>
    /// Copies every version of <paramref name="root"/> (each folder holding a model card, with all its files) and its
    /// current pointer into <paramref name="destination"/>, which must not hold a model store yet, and returns it; an app
    /// serving the copy can promote and retrain without touching the original.
    /// </summary>
    /// <exception cref="ModelFileException"><paramref name="root"/> has no current version, or <paramref name="destination"/> already holds one.</exception>
    public static string Copy(string root, string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var current = Path.Combine(root, CurrentFile);
        if (!File.Exists(current))
        {
            throw new ModelFileException(current, "no current model to copy: save one first (notebook 06)");
        }

        if (File.Exists(Path.Combine(destination, CurrentFile)))
        {
            throw new ModelFileException(Path.Combine(destination, CurrentFile), "the destination already holds a model store; copy into an empty folder");
        }

        foreach (var version in Versions(root))
        {
            var target = Directory.CreateDirectory(Path.Combine(destination, version)).FullName;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, version)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }

        File.Copy(current, Path.Combine(destination, CurrentFile));
        return Path.GetFullPath(destination);
    }

    private static AddedTrainingRows ReadAddedRows(string folder, string cardPath, AddedRowsSummary added) => added.File == AddedTrainingRows.FileName
        ? AddedTrainingRows.Read(Path.Combine(folder, added.File), added)
        : throw new ModelFileException(cardPath, $"the card names its added rows' file '{added.File}'; a version keeps them in {AddedTrainingRows.FileName}");

    /// <summary>Writes <paramref name="path"/> through a temporary file in its folder, so that a reader sees the old text or the new, never part.</summary>
    internal static void WriteAtomically(string path, string text)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
