using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BreastCancer.Bench;

/// <summary>What the results were measured on: the processor, cores, memory, operating system, .NET, Python and scikit-learn, read from Linux's /proc and /etc.</summary>
internal static class MachineDescription
{
    /// <summary>One line per fact, for the report's header.</summary>
    public static IReadOnlyList<string> Lines() =>
    [
        $"processor: {Field("/proc/cpuinfo", "model name") ?? "unknown"}, {Environment.ProcessorCount} cores",
        $"memory: {(Field("/proc/meminfo", "MemTotal") is { } total ? $"{long.Parse(total.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / (1024 * 1024.0):F1} GiB" : "unknown")}",
        $"system: {OsName()}, Linux {Environment.OSVersion.Version}",
        $".NET: {RuntimeInformation.FrameworkDescription}, Server GC {System.Runtime.GCSettings.IsServerGC}",
        $"peer: {PythonOutput("import sys, sklearn, numpy; print(f'Python {sys.version.split()[0]}, scikit-learn {sklearn.__version__}, numpy {numpy.__version__}')")}",
    ];

    /// <summary>The 1-, 5- and 15-minute load averages.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? Field(string file, string name) => File.Exists(file)
        ? File.ReadLines(file).Where(l => l.StartsWith(name, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
        : null;

    private static string OsName() => File.Exists("/etc/os-release")
        ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal)).Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault() ?? "unknown"
        : RuntimeInformation.OSDescription;

    private static string PythonOutput(string code)
    {
        using var process = Process.Start(new ProcessStartInfo(Peer.Python, ["-c", code]) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"cannot start {Peer.Python}");
        var text = process.StandardOutput.ReadToEnd().Trim();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? text : "not available";
    }
}
