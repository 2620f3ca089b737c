using System.CommandLine;
using System.CommandLine.Parsing;
using BreastCancer.Web.Hosting;

namespace BreastCancer.Web.Models;

/// <summary>
/// The arguments of the <c>retrain</c> command: <c>retrain [--database PATH] [--models DIR] [--no-promote]
/// [--Section:Key=value ...]</c>, parsed by System.CommandLine (<see cref="Parse"/>).
/// </summary>
/// <param name="Database">The monitoring store, or null for the configured one (<c>Monitoring:Database</c>).</param>
/// <param name="Models">The model store's folder, or null for the configured one (<c>Model:Folder</c>).</param>
/// <param name="Promote">False when <c>--no-promote</c> asks to save the challenger without making it current.</param>
/// <param name="Settings">Configuration overrides, as the app takes them on its command line (<c>--Retrain:Folds=3</c> or <c>--Retrain:Folds 3</c>).</param>
public sealed record RetrainArguments(string? Database, string? Models, bool Promote, IReadOnlyList<string> Settings)
{
    private static readonly Option<string> DatabaseOption = new("--database")
    {
        HelpName = "PATH",
        Description = "the monitoring store whose confirmed outcomes are added (default: Monitoring:Database, monitoring/predictions.db)",
    };

    private static readonly Option<string> ModelsOption = new("--models")
    {
        HelpName = "DIR",
        Description = "the model store; its current version is the champion (default: Model:Folder, models/)",
    };

    private static readonly Option<bool> NoPromoteOption = new("--no-promote")
    {
        Description = "save the challenger as a version without making it current, whatever the verdict",
    };

    /// <summary>
    /// The settings (<c>--Section:Key=value</c>, or <c>--Section:Key value</c>) are the app's configuration, not options of
    /// the command: they are taken as the command's arguments and checked for that shape, in order.
    /// </summary>
    private static readonly Argument<string[]> SettingsArgument = new("--Section:Key=value")
    {
        Arity = ArgumentArity.ZeroOrMore,
        Description = "a setting, as for the app: the Retrain section (Folds, Seed, MinOutcomesPerClass, MaxRocAucLoss, MaxSensitivityLoss, "
            + "MaxSpecificityLoss, MaxLogLossIncrease), Model:Data, ...; read after appsettings.json and the environment",
        Validators = { CheckSettings },
    };

    /// <summary>The command's grammar (System.CommandLine): its help (<c>retrain --help</c>) is the usage printed on a usage error.</summary>
    private static readonly Command Syntax = new(RetrainCommand.Name,
        "Does what POST /api/models/retrain does, against the current version of the model store and the confirmed outcomes of the monitoring store. "
        + "Relative paths are resolved against the repository root (the folder holding Directory.Packages.props), as the app's settings are. "
        + "Exit code: 0 the challenger passed (made current, or saved only with --no-promote), 1 it is worse by a criterion (saved, not made current), "
        + "2 usage error or an unreadable setting, model, data or database, 3 too few new outcomes of a diagnosis to compare (nothing saved).")
    {
        SettingsArgument, DatabaseOption, ModelsOption, NoPromoteOption, CommandLineParsing.HelpOption(),
    };

    /// <summary>The arguments after the word <c>retrain</c>: the parsed arguments, a help request, or the first usage error.</summary>
    public static CommandLineParse<RetrainArguments> Parse(IReadOnlyList<string> args) =>
        CommandLineParsing.Parse(Syntax, args, result => new RetrainArguments(
            result.GetValue(DatabaseOption), result.GetValue(ModelsOption), !result.GetValue(NoPromoteOption), result.GetValue(SettingsArgument) ?? []));

    private static void CheckSettings(ArgumentResult result)
    {
        var words = result.Tokens.Select(t => t.Value).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                result.AddError($"unexpected argument '{word}': retrain reads no files but the model store and the monitoring store");
                return;
            }

            if (!word.Contains(':', StringComparison.Ordinal))
            {
                result.AddError($"unknown option {word}");
                return;
            }

            if (!word.Contains('=', StringComparison.Ordinal) && (++i >= words.Length || words[i].StartsWith("--", StringComparison.Ordinal)))
            {
                result.AddError($"{word} needs a value");
                return;
            }
        }
    }
}
