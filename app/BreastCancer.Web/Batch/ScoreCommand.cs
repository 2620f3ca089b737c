using System.Diagnostics;
using System.Globalization;
using System.Text;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Models;
using Sylvan.Data.Csv;

namespace BreastCancer.Web.Batch;

/// <summary>
/// The <c>score</c> command (<c>dotnet run --project app/BreastCancer.Web -- score INPUT.csv --out OUTPUT.csv</c>):
/// scores a CSV of patients with a saved model of the model store, as the web app would, without starting the server.
/// Bad rows are reported to the error stream (<c>INPUT:LINE: field reason</c>) and skipped; input that cannot be read
/// on (malformed CSV, a record too long, text that is not UTF-8) stops the run with one line naming the file and line.
/// The output is written to a temporary file beside <c>OUTPUT.csv</c> and moved into place only when the whole input was
/// read, so a failed or interrupted run leaves neither output nor temporary file (<see cref="TemporaryOutput"/>). Exit codes: <see cref="Success"/>, <see cref="SomeRowsInvalid"/>, <see cref="Failure"/>.
/// </summary>
public static class ScoreCommand
{
    /// <summary>The command's name, the app's first argument.</summary>
    public const string Name = "score";

    /// <summary>Every row was scored.</summary>
    public const int Success = 0;

    /// <summary>Some rows were invalid and skipped (each reported); the others were scored.</summary>
    public const int SomeRowsInvalid = 1;

    /// <summary>A usage error, or an input, output or model that could not be read or written; no output is left.</summary>
    public const int Failure = 2;

    /// <summary>
    /// Runs the command on the arguments after <see cref="Name"/>: the summary goes to <paramref name="output"/>, the
    /// progress line and every problem to <paramref name="errors"/>, rewriting the progress line in place when
    /// <paramref name="errorsIsTerminal"/>. Relative paths are resolved as the app resolves its settings
    /// (<see cref="RepositoryPaths"/>): against the repository root above the current directory, since
    /// <c>dotnet run</c> starts the app in its project folder; the default model store is the app's, <c>models/</c>.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter errors, bool errorsIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var parse = ScoreArguments.Parse(args);
        if (parse.Answers(Name, output, errors, Failure, out var answered))
        {
            return answered;
        }

        var parsed = parse.Arguments;
        var here = Directory.GetCurrentDirectory();
        var arguments = parsed with
        {
            Input = RepositoryPaths.Resolve(here, parsed.Input),
            Output = RepositoryPaths.Resolve(here, parsed.Output),
            Models = RepositoryPaths.Resolve(here, parsed.Models ?? new ModelOptions().Folder),
        };

        if (Path.GetFullPath(arguments.Input) == Path.GetFullPath(arguments.Output))
        {
            errors.WriteLine($"{Name}: the output {arguments.Output} would replace the input");
            parse.WriteHelp(errors);
            return Failure;
        }

        var model = LoadModel(arguments, errors);
        return model is null ? Failure : Score(arguments, model, output, errors, errorsIsTerminal);
    }

    private static SavedModel? LoadModel(ScoreArguments arguments, TextWriter errors)
    {
        var folder = arguments.Models!;
        if (arguments.Version is null && !File.Exists(Path.Combine(folder, ModelStore.CurrentFile)))
        {
            errors.WriteLine($"{Name}: no current model in {folder}: run the web app once (dotnet run --project app/BreastCancer.Web), "
                + "which trains and saves the default model there, or run notebook 06, then score again");
            return null;
        }

        try
        {
            return ModelStore.Load(folder, arguments.Version);
        }
        catch (Exception e) when (e is ModelFileException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            errors.WriteLine($"{Name}: cannot load the model: {e.Message}");
            return null;
        }
    }

    private static int Score(ScoreArguments arguments, SavedModel model, TextWriter output, TextWriter errors, bool errorsIsTerminal)
    {
        var input = arguments.Input;
        var folder = Path.GetDirectoryName(Path.GetFullPath(arguments.Output))!;
        if (!Directory.Exists(folder))
        {
            errors.WriteLine($"{Name}: the output's folder {folder} does not exist: create it, or give --out a file in a folder that exists");
            return Failure;
        }

        using var temporary = new TemporaryOutput(Path.Combine(folder, $".{Path.GetFileName(arguments.Output)}.{Guid.NewGuid():N}.tmp"), Name, errors);
        var progress = new BatchProgress(errors, errorsIsTerminal);
        try
        {
            using var reader = CsvDataReader.Create(new StreamReader(input, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16),
                new CsvDataReaderOptions { HasHeaders = true, BufferSize = Math.Min(1 << 16, arguments.MaxRecordChars), MaxBufferSize = arguments.MaxRecordChars });
            if (reader.FieldCount == 0)
            {
                errors.WriteLine(Empty(input, model));
                return Failure;
            }

            var header = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var layout = InputLayout.FromHeader(header, [.. model.Card.Features.Select(f => f.Name)], out var problems);
            if (layout is null)
            {
                foreach (var problem in problems)
                {
                    errors.WriteLine($"{input}:1: {problem}");
                }

                errors.WriteLine($"{Name}: nothing scored, no output written");
                return Failure;
            }

            var headerLines = 1 + header.Sum(h => h.Count(c => c == '\n'));
            var scorer = new BatchScorer(model, layout, arguments.ChunkSize);
            ScoreSummary summary;
            using (var writer = new StreamWriter(temporary.Path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16))
            {
                writer.NewLine = "\n";
                writer.WriteLine(scorer.OutputHeader());
                summary = scorer.Score(reader, headerLines, writer, (at, problem) =>
                {
                    progress.Break();
                    errors.WriteLine($"{input}:{at}: {problem}");
                }, progress);
            }

            File.Move(temporary.Path, arguments.Output, overwrite: true);
            progress.Break();
            Report(summary, model, arguments.Output, output);
            return summary.Invalid == 0 ? Success : SomeRowsInvalid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvFormatException or InputLineException or DecoderFallbackException)
        {
            progress.Break();
            errors.WriteLine(e switch
            {
                CsvMissingHeadersException => Empty(input, model),
                CsvRecordTooLargeException => $"{input}:1: the header is longer than the command reads at once ({arguments.MaxRecordChars} characters, --max-record-chars)",
                InputLineException { InnerException: CsvRecordTooLargeException } line => $"{input}:{line.Line}: {line.Message}: {arguments.MaxRecordChars} characters",
                InputLineException line => $"{input}:{line.Line}: {line.Message}",
                DecoderFallbackException => $"{input}:{Utf8Check.FirstInvalid(input)}: not UTF-8 text: save the file as UTF-8 (a spreadsheet's \"CSV UTF-8\")",
                _ => $"{input}: {e.Message}",
            });
            errors.WriteLine($"{Name}: stopped; no output written");
            return Failure;
        }
    }

    /// <summary>The error for an input with no header line at all.</summary>
    private static string Empty(string input, SavedModel model) => $"{input}:1: the file is empty: expected a header naming the {model.Card.Features.Count} features";

    /// <summary>UTF-8 that refuses bytes that are not UTF-8 instead of reading them as U+FFFD.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void Report(ScoreSummary summary, SavedModel model, string path, TextWriter output)
    {
        using var process = Process.GetCurrentProcess();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"scored {summary.Scored:N0} rows, {summary.Invalid:N0} invalid, in {summary.Seconds:F2} s ({summary.RowsPerSecond:N0} rows/s) with model {model.Version} into {path}; peak working set {process.PeakWorkingSet64 / (1024.0 * 1024.0):F0} MiB"));
    }
}
