using System.Text.Json;
using System.Text.Json.Serialization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Evaluation;
using BreastCancer.Analysis.Modeling;
using BreastCancer.Analysis.Tuning;

namespace BreastCancer.Analysis.Deployment;

/// <summary>
/// The settings that hyperparameter searches chose, kept so that a later notebook refits each model family at its
/// tuned setting without repeating the search (notebook 07 refits the families notebook 06 searched). Written as JSON
/// beside the model store (<see cref="FileName"/>); each entry says which family was searched, on what metric, and how
/// well its best setting scored, so a reader can check it against the search it came from.
/// </summary>
/// <param name="Searches">One entry per family searched, in the order given.</param>
public sealed record TunedSettings(IReadOnlyList<TunedSetting> Searches)
{
    /// <summary>The file's name in the model store's folder.</summary>
    public const string FileName = "tuned-settings.json";

    /// <summary>The file the settings were read from, or null when they were not read from one.</summary>
    [JsonIgnore]
    public string? Source { get; init; }

    /// <summary>The settings chosen by <paramref name="searches"/>, one per family.</summary>
    /// <exception cref="ArgumentException">Two searches are of the same family.</exception>
    public static TunedSettings Of(params IReadOnlyList<SearchResult> searches)
    {
        ArgumentNullException.ThrowIfNull(searches);
        if (searches.GroupBy(s => s.Model).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            throw new ArgumentException($"{repeated.Count()} searches of '{repeated.Key}': keep one setting per family", nameof(searches));
        }

        return new TunedSettings([.. searches.Select(s => new TunedSetting(s.Model, s.Metric, s.Best.Mean, s.Fits.Count, s.BestModel.Hyperparameters))]);
    }

    /// <summary>Writes the settings to <see cref="FileName"/> in <paramref name="folder"/> (created when missing) and returns the file's full path.</summary>
    public string Save(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        ModelStore.WriteAtomically(path, JsonSerializer.Serialize(this, JsonFiles.Options));
        return path;
    }

    /// <summary>Reads the settings saved in <paramref name="folder"/>.</summary>
    /// <exception cref="ModelFileException">The file is missing or is not a valid settings file; the message names it and says why.</exception>
    public static TunedSettings Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        return File.Exists(path)
            ? JsonFiles.Read<TunedSettings>(File.ReadAllText(path), path, "the tuned settings") with { Source = path }
            : throw new ModelFileException(path, "no tuned settings: run the searches first (notebook 06 saves them)");
    }

    /// <summary>The model searched as <paramref name="searched"/> at the setting its search chose.</summary>
    /// <exception cref="ModelFileException">No search of <paramref name="searched"/>'s family was saved, or its setting names a hyperparameter the family does not have.</exception>
    public CatalogueModel Chosen(CatalogueModel searched)
    {
        ArgumentNullException.ThrowIfNull(searched);
        var setting = Searches.FirstOrDefault(s => s.Family == searched.Family)
            ?? throw new ModelFileException(Source ?? FileName, $"no search of '{searched.Family}' was saved; it holds {string.Join(", ", Searches.Select(s => $"'{s.Family}'"))}");
        try
        {
            return searched.With(setting.Hyperparameters);
        }
        catch (ArgumentException e)
        {
            throw new ModelFileException(Source ?? FileName, $"the setting saved for '{searched.Family}' does not fit the model: {e.Message}", e);
        }
    }
}

/// <summary>The setting one search chose.</summary>
/// <param name="Family">The model family searched (<see cref="CatalogueModel.Family"/>).</param>
/// <param name="Metric">The metric the search maximised (or minimised).</param>
/// <param name="Score">The chosen setting's mean of <paramref name="Metric"/> over the search's folds.</param>
/// <param name="SettingsTried">How many settings the search scored.</param>
/// <param name="Hyperparameters">The chosen setting: every hyperparameter of the family.</param>
public sealed record TunedSetting(string Family, Metric Metric, double Score, int SettingsTried, IReadOnlyDictionary<string, double> Hyperparameters);
