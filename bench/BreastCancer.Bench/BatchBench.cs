using System.Diagnostics;
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
/// (<c>BreastCancer.Web score</c>), three times. Prints each run's rows per second and peak resident set (from
/// <c>/usr/bin/time -v</c> when it exists, else the app's own summary) and, under <c>time</c>, the CPU seconds it used
/// (user + system, the figure that other load on the machine changes least), and the medians; the load average before and after.
/// </summary>
internal static partial class BatchBench
{
    private const int Runs = 3;

    public static int Run(IReadOnlyList<string> args, string output)
    {
        var sizes = args.Count > 0 ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [100_000, 1_000_000];
        var wdbc = DataLoader.Load(DataFiles.Wdbc);
        var models = Path.GetFullPath(Path.Combine(output, "batch-models"));
        var model = File.Exists(Path.Combine(models, ModelStore.CurrentFile)) ? ModelStore.Load(models) : DefaultModel.TrainAndSave(wdbc, models, DateTimeOffset.UtcNow);
        var app = Path.Combine(AppContext.BaseDirectory, "BreastCancer.Web.dll");
        var time = File.Exists("/usr/bin/time") ? "/usr/bin/time" : null;
        Console.WriteLine($"model {model.Version} ({models}), {Environment.ProcessorCount} cores; load before: {Load()}");
        SinglePatientBench.Run(model, wdbc);
        Console.WriteLine($"batch scoring by {app}:");
        foreach (var size in sizes)
        {
            var input = Path.GetFullPath(Path.Combine(output, $"batch-{size}.csv"));
            var scored = Path.GetFullPath(Path.Combine(output, $"batch-{size}-scored.csv"));
            Generate(wdbc, size, input);
            var figures = new List<(double RowsPerSecond, double PeakMiB, double? CpuSeconds)>();
            for (var run = 1; run <= Runs; run++)
            {
                var (summary, peak, cpu) = Score(time, app, input, scored, models);
                var match = Summary().Match(summary);
                if (!match.Success)
                {
                    Console.Error.WriteLine($"bench: the score command printed no summary: {summary}");
                    return 1;
                }

                var rowsPerSecond = double.Parse(match.Groups["rate"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
                var peakMiB = peak ?? double.Parse(match.Groups["peak"].Value, CultureInfo.InvariantCulture);
                figures.Add((rowsPerSecond, peakMiB, cpu));
                Console.WriteLine($"  {size,9:N0} rows, run {run}: {rowsPerSecond,9:N0} rows/s, peak resident set {peakMiB:F0} MiB{(cpu is { } c ? $", {c:F2} CPU s" : "")} ({summary.Trim()})");
            }

            var cpuMedian = figures.All(f => f.CpuSeconds is not null) ? $", median {Median(figures.Select(f => f.CpuSeconds!.Value)):F2} CPU s for the whole process" : "";
            Console.WriteLine($"{size,11:N0} rows: median {Median(figures.Select(f => f.RowsPerSecond)):N0} rows/s, median peak resident set {Median(figures.Select(f => f.PeakMiB)):F0} MiB{cpuMedian} (target ≥ 200,000 rows/s, flat memory)");
            File.Delete(scored);
        }

        Console.WriteLine($"load after: {Load()}");
        return 0;
    }

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

    /// <summary>Runs the app's score command; returns its summary line and, under <c>/usr/bin/time -v</c>, its peak resident set in MiB and CPU seconds.</summary>
    private static (string Summary, double? PeakMiB, double? CpuSeconds) Score(string? time, string app, string input, string scored, string models)
    {
        var start = new ProcessStartInfo(time ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[.. time is null ? [] : new[] { "-v", "dotnet" }, app, "score", input, "--out", scored, "--models", models])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("the score command did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var summary = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var resident = ResidentSet().Match(errors.Result);
        var (user, system) = (UserTime().Match(errors.Result), SystemTime().Match(errors.Result));
        return (summary, resident.Success ? double.Parse(resident.Groups[1].Value, CultureInfo.InvariantCulture) / 1024 : null,
            user.Success && system.Success ? double.Parse(user.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(system.Groups[1].Value, CultureInfo.InvariantCulture) : null);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    [GeneratedRegex(@"\((?<rate>[\d,]+) rows/s\).*peak working set (?<peak>\d+) MiB")]
    private static partial Regex Summary();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex ResidentSet();

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemTime();
}
