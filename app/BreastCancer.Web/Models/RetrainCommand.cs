using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Monitoring;
using Microsoft.Data.Sqlite;

namespace BreastCancer.Web.Models;

/// <summary>
/// The <c>retrain</c> command (<c>dotnet run --project app/BreastCancer.Web -- retrain</c>): the model update of
/// <c>POST /api/models/retrain</c> without the server. The champion is the current version of the model store; the
/// outcomes are every confirmed outcome of the monitoring store; the settings are the app's (<c>appsettings.json</c>,
/// the environment, then the command line). It prints the comparison and the verdict, saves the challenger as a new
/// version, and makes it current when the verdict allows (a running app serves it after <c>POST /api/models/promote</c>
/// or a restart). Exit codes: <see cref="Promoted"/>, <see cref="NotPromoted"/>, <see cref="Failure"/>, <see cref="Refused"/>.
/// </summary>
public static class RetrainCommand
{
    /// <summary>The command's name, the app's first argument.</summary>
    public const string Name = "retrain";

    /// <summary>The challenger passed every criterion: it was made current, or, with <c>--no-promote</c>, saved for a later promote.</summary>
    public const int Promoted = 0;

    /// <summary>The challenger is worse by a criterion: saved as a version, the current one unchanged.</summary>
    public const int NotPromoted = 1;

    /// <summary>A usage error, or a setting, model, data file or database that could not be read; nothing saved.</summary>
    public const int Failure = 2;

    /// <summary>Too few new outcomes of a diagnosis to compare: nothing trained or saved.</summary>
    public const int Refused = 3;

    /// <summary>
    /// Runs the command on the arguments after <see cref="Name"/>: the report to <paramref name="output"/>, problems to
    /// <paramref name="errors"/>. Relative paths are resolved as the app resolves its settings
    /// (<see cref="RepositoryPaths"/>): against the repository root above the current directory.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var parse = RetrainArguments.Parse(args);
        if (parse.Answers(Name, output, errors, Failure, out var answered))
        {
            return answered;
        }

        var arguments = parse.Arguments;
        var configuration = Configuration(arguments.Settings);
        var (modelOptions, monitoringOptions, retrainOptions) = (new ModelOptions(), new MonitoringOptions(), new RetrainOptions());
        try
        {
            configuration.GetSection(ModelOptions.Section).Bind(modelOptions);
            configuration.GetSection(MonitoringOptions.Section).Bind(monitoringOptions);
            configuration.GetSection(RetrainOptions.Section).Bind(retrainOptions);
        }
        catch (InvalidOperationException e)
        {
            errors.WriteLine($"{Name}: a setting cannot be read: {e.Message}");
            return Failure;
        }

        if (retrainOptions.Problems() is [_, ..] problems)
        {
            foreach (var problem in problems)
            {
                errors.WriteLine($"{Name}: {problem}");
            }

            return Failure;
        }

        var here = Directory.GetCurrentDirectory();
        var folder = RepositoryPaths.Resolve(here, arguments.Models ?? modelOptions.Folder);
        var database = RepositoryPaths.Resolve(here, arguments.Database ?? monitoringOptions.Database);
        if (!File.Exists(Path.Combine(folder, ModelStore.CurrentFile)))
        {
            errors.WriteLine($"{Name}: no current model in {folder}: run the web app once (dotnet run --project app/BreastCancer.Web), which trains and saves the default model there, or run notebook 06");
            return Failure;
        }

        if (!File.Exists(database))
        {
            errors.WriteLine($"{Name}: no monitoring database at {database}: the web app records predictions and their confirmed outcomes there (Monitoring:Database)");
            return Failure;
        }

        RetrainReport report;
        try
        {
            var champion = ModelStore.Load(folder);
            var wdbc = DataLoader.Load(RepositoryPaths.Resolve(here, modelOptions.Data));
            IReadOnlyList<LabelledPrediction> labelled;
            using (var store = new PredictionStore(database))
            {
                labelled = store.Labelled();
            }

            report = Retrainer.Challenge(champion, wdbc, labelled, folder, retrainOptions.ToCriteria(), DateTimeOffset.UtcNow);
        }
        catch (TooFewOutcomesException e)
        {
            errors.WriteLine($"{Name}: {e.Message} (Retrain:MinOutcomesPerClass); nothing trained or saved");
            return Refused;
        }
        catch (Exception e) when (e is ModelFileException or DataValidationException or IOException or UnauthorizedAccessException or SqliteException or InvalidOperationException)
        {
            errors.WriteLine($"{Name}: {e.Message}");
            return Failure;
        }

        output.Write(report.ToText());
        if (!report.Comparison.Verdict.Promote)
        {
            output.WriteLine($"not promoted: {report.Champion} stays current; the challenger is kept as a version of {folder}");
            return NotPromoted;
        }

        if (!arguments.Promote)
        {
            output.WriteLine($"not made current (--no-promote): {report.Champion} stays current; promote the challenger with POST /api/models/promote {{\"version\": \"{report.Challenger}\"}}");
            return Promoted;
        }

        try
        {
            ModelStore.Promote(folder, report.Challenger);
        }
        catch (ModelFileException e)
        {
            errors.WriteLine($"{Name}: the challenger cannot be made current: {e.Message}");
            return Failure;
        }

        output.WriteLine($"promoted: {report.Challenger} is now current in {folder}; a running app serves it after POST /api/models/promote {{\"version\": \"{report.Challenger}\"}} or on restart");
        return Promoted;
    }

    private static IConfigurationRoot Configuration(IReadOnlyList<string> settings)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production;
        return new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. settings])
            .Build();
    }
}
