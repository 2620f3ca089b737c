using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Models;

namespace BreastCancer.Bench;

/// <summary>
/// The cost of one patient's prediction (<see cref="SinglePatientBench"/>), then the score command on generated populations: the app's default model trained into <c>OUT/batch-models</c>, then for
/// each size (100,000 and 1,000,000 rows unless given) a CSV of WDBC rows drawn with replacement and jittered by
/// ±10 % log-normal noise (seed 1, so every run scores the same file), scored by the app as a process of its own
/// (<c>BreastCancer.Web score</c>) under GNU time, three times. Prints each run's rows per second (the command's own
/// figure), peak resident set and CPU seconds (user + system, the figure that other load on the machine changes
/// least), and the medians; the load average before and after.
/// </summary>
internal static partial class BatchBench
{
    private const int Runs = 3;

    public static int Run(IReadOnlyList<string> args, string output)
    {
        var sizes = args.Count > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
        var wdbc = DataLoader.Load(DataFiles.Wdbc);
        var (models, model) = Model(wdbc, output);
        Console.WriteLine($"model {model.Version} ({models}), {Environment.ProcessorCount} cores; load before: {MachineDescription.LoadAverage()}");
        SinglePatientBench.Run(model, wdbc);
        Console.WriteLine($"batch scoring by {ServeBench.AppAssembly()}:");
        foreach (var size in sizes)
        {
            var input = Input(wdbc, size, output);
            var scored = Path.GetFullPath(Path.Combine(output, $"batch-{size}-scored.csv"));
            var figures = new List<(double RowsPerSecond, double PeakMiB, double CpuSeconds)>();
            for (var run = 1; run <= Runs; run++)
            {
                var process = Score(input, scored, models);
                var match = Summary().Match(process.Output);
                if (!match.Success)
                {
                    Console.Error.WriteLine($"bench: the score command printed no summary: {process.Output}");
                    return 1;
                }

                var rowsPerSecond = double.Parse(match.Groups["rate"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
                figures.Add((rowsPerSecond, process.PeakMiB, process.CpuSeconds));
                Console.WriteLine($"  {size,9:N0} rows, run {run}: {rowsPerSecond,9:N0} rows/s, peak resident set {process.PeakMiB:F0} MiB, {process.CpuSeconds:F2} CPU s ({process.Output.Trim()})");
            }

            Console.WriteLine($"{size,11:N0} rows: median {Spread.Of(figures.Select(f => f.RowsPerSecond)).Median:N0} rows/s, median peak resident set {Spread.Of(figures.Select(f => f.PeakMiB)).Median:F0} MiB, median {Spread.Of(figures.Select(f => f.CpuSeconds)).Median:F2} CPU s for the whole process (target ≥ {RowsPerSecondTarget:N0} rows/s, flat memory)");
            File.Delete(scored);
        }

        Console.WriteLine($"load after: {MachineDescription.LoadAverage()}");
        return 0;
    }

    /// <summary>The throughput issue 9 asks of the score command on 1,000,000 rows, rows per second.</summary>
    public const double RowsPerSecondTarget = 200_000;

    /// <summary>The app's default model in <c>OUT/batch-models</c>, trained there the first time.</summary>
    public static (string Folder, SavedModel Model) Model(BreastCancerData wdbc, string output)
    {
        var models = Path.GetFullPath(Path.Combine(output, "batch-models"));
        return (models, File.Exists(Path.Combine(models, ModelStore.CurrentFile)) ? ModelStore.Load(models) : DefaultModel.TrainAndSave(wdbc, models, DateTimeOffset.UtcNow));
    }

    /// <summary>The generated population of <paramref name="rows"/> rows, <c>OUT/batch-ROWS.csv</c>, written the first time.</summary>
    public static string Input(BreastCancerData wdbc, int rows, string output)
    {
        var path = Path.GetFullPath(Path.Combine(output, $"batch-{rows}.csv"));
        if (!File.Exists(path))
        {
            Generate(wdbc, rows, path + ".partial");
            File.Move(path + ".partial", path, overwrite: true);
        }

        return path;
    }

    /// <summary>One run of the app's score command under GNU time.</summary>
    public static MeasuredProcess Score(string input, string scored, string models) =>
        MeasuredProcess.Run("dotnet", [ServeBench.AppAssembly(), "score", input, "--out", scored, "--models", models]).EnsureSuccess("the score command");

    /// <summary>Writes <paramref name="rows"/> jittered WDBC rows with an <c>id</c> column, five significant digits per value as in WDBC.</summary>
    private static void Generate(BreastCancerData wdbc, int rows, string path)
    {
        var random = new Random(1);
        var source = wdbc.ToArray();
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16) { NewLine = "\n" };
        writer.WriteLine("id," + string.Join(',', wdbc.FeatureNames));
        var line = new StringBuilder();
        for (var r = 0; r < rows; r++)
        {
            var row = source[random.Next(source.Length)];
            line.Clear().Append(CultureInfo.InvariantCulture, $"p{r + 1}");
            foreach (var value in row)
            {
                var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                line.Append(',').Append((value * Math.Exp(0.1 * gaussian)).ToString("G5", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line);
        }
    }

    [GeneratedRegex(@"\((?<rate>[\d,]+) rows/s\)")]
    private static partial Regex Summary();
}
