using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace BreastCancer.Bench;

/// <summary>
/// One run of a process under GNU time (<c>/usr/bin/time -v</c>, Debian's <c>time</c>): what it printed, its exit code,
/// its wall-clock seconds (from start to exit, measured here), its peak resident set (the largest of the process and
/// the children it waited for, in MiB) and its CPU seconds (user + system).
/// </summary>
internal sealed partial record MeasuredProcess(string Output, string Errors, int ExitCode, double WallSeconds, double PeakMiB, double CpuSeconds)
{
    /// <summary>GNU time, which measures the peak memory of each row.</summary>
    public const string Time = "/usr/bin/time";

    /// <summary>Runs <paramref name="file"/> with <paramref name="arguments"/> under GNU time in the current folder.</summary>
    public static MeasuredProcess Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Time) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["-v", file, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Time}");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var wall = clock.Elapsed.TotalSeconds;
        var text = errors.Result;
        var resident = ResidentSet().Match(text);
        var (user, system) = (UserTime().Match(text), SystemTime().Match(text));
        if (!resident.Success || !user.Success || !system.Success)
        {
            throw new InvalidOperationException($"{Time} -v {file} reported no resource figures (exit {process.ExitCode}): {text}");
        }

        return new MeasuredProcess(output, text, process.ExitCode, wall, double.Parse(resident.Groups[1].Value, CultureInfo.InvariantCulture) / 1024,
            double.Parse(user.Groups[1].Value, CultureInfo.InvariantCulture) + double.Parse(system.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Throws, with what it wrote to stderr, when the process failed.</summary>
    public MeasuredProcess EnsureSuccess(string what) => ExitCode == 0
        ? this
        : throw new InvalidOperationException($"{what} failed (exit {ExitCode}): {Errors.Trim()}");

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex ResidentSet();

    [GeneratedRegex(@"User time \(seconds\): ([\d.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([\d.]+)")]
    private static partial Regex SystemTime();
}
