namespace BreastCancer.Web.Models;

/// <summary>
/// The arguments of the <c>retrain</c> command: <c>retrain [--database PATH] [--models DIR] [--no-promote]
/// [--Section:Key=value ...]</c>. <see cref="Parse"/> returns null with the reason when they are not usable.
/// </summary>
/// <param name="Database">The monitoring store, or null for the configured one (<c>Monitoring:Database</c>).</param>
/// <param name="Models">The model store's folder, or null for the configured one (<c>Model:Folder</c>).</param>
/// <param name="Promote">False when <c>--no-promote</c> asks to save the challenger without making it current.</param>
/// <param name="Settings">Configuration overrides, as the app takes them on its command line (<c>--Retrain:Folds=3</c> or <c>--Retrain:Folds 3</c>).</param>
public sealed record RetrainArguments(string? Database, string? Models, bool Promote, IReadOnlyList<string> Settings)
{
    /// <summary>The command's usage, as printed on a usage error.</summary>
    public const string Usage =
        "usage: retrain [--database PATH] [--models DIR] [--no-promote] [--Section:Key=value ...]\n"
        + "  --database PATH   the monitoring store whose confirmed outcomes are added (default: Monitoring:Database, monitoring/predictions.db)\n"
        + "  --models DIR      the model store; its current version is the champion (default: Model:Folder, models/)\n"
        + "  --no-promote      save the challenger as a version without making it current, whatever the verdict\n"
        + "  --Section:Key=V   a setting, as for the app: the Retrain section (Folds, Seed, MinOutcomesPerClass, MaxRocAucLoss, MaxSensitivityLoss,\n"
        + "                    MaxSpecificityLoss, MaxLogLossIncrease), Model:Data, ...; read after appsettings.json and the environment\n"
        + "relative paths are resolved against the repository root (the folder holding Directory.Packages.props), as the app's settings are\n"
        + "exit code: 0 the challenger passed (made current, or saved only with --no-promote), 1 it is worse by a criterion (saved, not made current),\n"
        + "2 usage error or an unreadable setting, model, data or database, 3 too few new outcomes of a diagnosis to compare (nothing saved)";

    /// <summary>The arguments after the word <c>retrain</c>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static RetrainArguments? Parse(IReadOnlyList<string> args, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? database = null, models = null;
        var promote = true;
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--database" or "--models")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{arg} needs a value";
                    return null;
                }

                (database, models) = arg == "--database" ? (args[++i], models) : (database, args[++i]);
            }
            else if (arg == "--no-promote")
            {
                promote = false;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                settings.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal))
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        error = $"{arg} needs a value";
                        return null;
                    }

                    settings.Add(args[++i]);
                }
            }
            else
            {
                error = arg.StartsWith("--", StringComparison.Ordinal) ? $"unknown option {arg}" : $"unexpected argument '{arg}': retrain reads no files but the model store and the monitoring store";
                return null;
            }
        }

        error = "";
        return new RetrainArguments(database, models, promote, settings);
    }
}
