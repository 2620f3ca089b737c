using System.CommandLine;
using System.Globalization;
using BreastCancer.Web.Hosting;

namespace BreastCancer.Web.Batch;

/// <summary>
/// The arguments of the <c>score</c> command: <c>score INPUT.csv --out OUTPUT.csv [--models DIR] [--version V]
/// [--chunk-size N] [--max-record-chars N]</c>, parsed by System.CommandLine (<see cref="Parse"/>).
/// </summary>
/// <param name="Input">The CSV file to score.</param>
/// <param name="Output">The CSV file to write.</param>
/// <param name="Models">The model store's folder, or null for the app's (<c>models/</c> at the repository root).</param>
/// <param name="Version">The model version to use, or null for the store's current one.</param>
/// <param name="ChunkSize">How many rows go through the model at once, 1 to <see cref="MaxChunkSize"/>.</param>
/// <param name="MaxRecordChars">The longest record (a line, or several for a quoted line break) the input may hold, in characters.</param>
public sealed record ScoreArguments(string Input, string Output, string? Models, string? Version, int ChunkSize, int MaxRecordChars = ScoreArguments.DefaultMaxRecordChars)
{
    /// <summary>The rows scored at once unless <c>--chunk-size</c> says otherwise.</summary>
    public const int DefaultChunkSize = 4096;

    /// <summary>The most rows scored at once: two chunks of 30 values each stay within about 1 GB.</summary>
    public const int MaxChunkSize = 1_000_000;

    /// <summary>The longest record unless <c>--max-record-chars</c> says otherwise.</summary>
    public const int DefaultMaxRecordChars = 1 << 16;

    /// <summary>The longest record <c>--max-record-chars</c> may allow (the reader holds one in memory).</summary>
    public const int MaxMaxRecordChars = 1 << 24;

    /// <summary>The input file, the one argument.</summary>
    private static readonly Argument<string> InputArgument = new("INPUT.csv")
    {
        Description = "a header naming the 30 WDBC features (any order); other columns are copied to the output",
    };

    private static readonly Option<string> OutOption = new("--out")
    {
        Description = "the scored CSV: the copied columns, probability, decision, model_version",
        Required = true,
        HelpName = "OUTPUT.csv",
    };

    private static readonly Option<string> ModelsOption = new("--models") { HelpName = "DIR", Description = "the model store (default: models/ at the repository root)" };

    private static readonly Option<string> VersionOption = new("--version") { HelpName = "V", Description = "a saved version (default: the store's current one)" };

    private static readonly Option<int> ChunkSizeOption = WholeNumber("--chunk-size", 1, MaxChunkSize, DefaultChunkSize, "rows scored at once");

    private static readonly Option<int> MaxRecordCharsOption = WholeNumber(
        "--max-record-chars", 1024, MaxMaxRecordChars, DefaultMaxRecordChars, "the longest record the input may hold, in characters");

    /// <summary>
    /// The command's grammar (System.CommandLine): its help (<c>score --help</c>) is the usage printed on a usage error.
    /// Response files are off, so an input named <c>@x.csv</c> is read as that file.
    /// </summary>
    private static readonly Command Syntax = new(ScoreCommand.Name,
        "Scores a CSV of patients with a saved model of the model store, as the web app would, without starting the server. "
        + "Relative paths are resolved against the repository root (the folder holding Directory.Packages.props), as the app's settings are. "
        + "Cells that a spreadsheet would run as formulas (starting with = + - @, a tab or a carriage return, and not a number) are written with a leading '. "
        + "Exit code: 0 every row scored, 1 some rows invalid (reported, the rest scored), 2 usage error or unreadable input or model.")
    {
        InputArgument, OutOption, ModelsOption, VersionOption, ChunkSizeOption, MaxRecordCharsOption, CommandLineParsing.HelpOption(),
    };

    /// <summary>The arguments after the word <c>score</c>: the parsed arguments, a help request, or the first usage error.</summary>
    public static CommandLineParse<ScoreArguments> Parse(IReadOnlyList<string> args) =>
        CommandLineParsing.Parse(Syntax, args, result => new ScoreArguments(
            result.GetRequiredValue(InputArgument), result.GetRequiredValue(OutOption), result.GetValue(ModelsOption), result.GetValue(VersionOption),
            result.GetValue(ChunkSizeOption), result.GetValue(MaxRecordCharsOption)));

    private static Option<int> WholeNumber(string name, int min, int max, int fallback, string description) => new(name)
    {
        HelpName = "N",
        Description = string.Create(CultureInfo.InvariantCulture, $"{description}, {min} to {max}"),
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var value = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
            {
                return number;
            }

            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}, not '{value}'"));
            return fallback;
        },
    };
}
