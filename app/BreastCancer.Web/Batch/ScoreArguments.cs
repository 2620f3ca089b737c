using System.Globalization;

namespace BreastCancer.Web.Batch;

/// <summary>
/// The arguments of the <c>score</c> command: <c>score INPUT.csv --out OUTPUT.csv [--models DIR] [--version V]
/// [--chunk-size N] [--max-record-chars N]</c>. <see cref="Parse"/> returns null with the reason when they are not usable.
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

    /// <summary>The command's usage, as printed on a usage error.</summary>
    public const string Usage =
        "usage: score INPUT.csv --out OUTPUT.csv [--models DIR] [--version V] [--chunk-size N]\n"
        + "  INPUT.csv      a header naming the 30 WDBC features (any order); other columns are copied to the output\n"
        + "  --out FILE     the scored CSV: the copied columns, probability, decision, model_version\n"
        + "  --models DIR   the model store (default: models/ at the repository root)\n"
        + "  --version V    a saved version (default: the store's current one)\n"
        + "  --chunk-size N rows scored at once (default 4096, at most 1000000)\n"
        + "  --max-record-chars N  the longest record the input may hold, in characters (default 65536, at most 16777216)\n"
        + "relative paths are resolved against the repository root (the folder holding Directory.Packages.props), as the app's settings are\n"
        + "exit code: 0 every row scored, 1 some rows invalid (reported, the rest scored), 2 usage error or unreadable input or model;\n"
        + "cells that a spreadsheet would run as formulas (starting with = + - @, a tab or a carriage return, and not a number) are written with a leading '";

    /// <summary>The arguments after the word <c>score</c>, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static ScoreArguments? Parse(IReadOnlyList<string> args, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? input = null, output = null, models = null, version = null;
        var (chunkSize, maxRecordChars) = (DefaultChunkSize, DefaultMaxRecordChars);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--out" or "--models" or "--version" or "--chunk-size" or "--max-record-chars")
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{arg} needs a value";
                    return null;
                }

                var value = args[++i];
                switch (arg)
                {
                    case "--out":
                        output = value;
                        break;
                    case "--models":
                        models = value;
                        break;
                    case "--version":
                        version = value;
                        break;
                    case "--chunk-size":
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out chunkSize) || chunkSize is < 1 or > MaxChunkSize)
                        {
                            error = $"--chunk-size must be a whole number from 1 to {MaxChunkSize}, not '{value}'";
                            return null;
                        }

                        break;
                    default:
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out maxRecordChars) || maxRecordChars is < 1024 or > MaxMaxRecordChars)
                        {
                            error = $"--max-record-chars must be a whole number from 1024 to {MaxMaxRecordChars}, not '{value}'";
                            return null;
                        }

                        break;
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                error = $"unknown option {arg}";
                return null;
            }
            else if (input is null)
            {
                input = arg;
            }
            else
            {
                error = $"one input file only, but got '{input}' and '{arg}'";
                return null;
            }
        }

        error = input is null ? "no input file" : output is null ? "no output file (--out OUTPUT.csv)" : "";
        return error.Length == 0 ? new ScoreArguments(input!, output!, models, version, chunkSize, maxRecordChars) : null;
    }
}
