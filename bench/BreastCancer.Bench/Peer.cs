using System.Diagnostics;
using System.Text.Json;

namespace BreastCancer.Bench;

/// <summary>Runs a scikit-learn script of <c>bench/peer</c> with Debian's Python and reads the JSON it prints.</summary>
internal static class Peer
{
    /// <summary>Debian's Python, which has python3-sklearn.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>
    /// What the peer lacks to import <paramref name="modules"/> (e.g. <c>sklearn</c>, <c>flask</c>), naming the Debian
    /// packages; or null when <see cref="Python"/> exists and imports them all.
    /// </summary>
    public static string? Missing(params string[] modules)
    {
        if (!File.Exists(Python))
        {
            return $"{Python} (Debian's python3) with {Packages(modules)}";
        }

        var start = new ProcessStartInfo(Python, ["-c", $"import {string.Join(", ", modules)}"]) { RedirectStandardError = true };
        using var check = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var errors = check.StandardError.ReadToEnd();
        check.WaitForExit();
        return check.ExitCode == 0 ? null : $"{Packages(modules)} ({Python} -c \"import {string.Join(", ", modules)}\" failed: {errors.Trim().Split('\n')[^1]})";

        static string Packages(IEnumerable<string> modules) => string.Join(" and ", modules.Select(m => $"python3-{m}"));
    }

    /// <summary>The script's JSON output, or null (with the reason on stderr) when it fails, e.g. without python3-sklearn.</summary>
    public static T? Run<T>(string script, params string[] arguments)
        where T : class
    {
        var start = new ProcessStartInfo(Python, [Path.Combine("bench", "peer", script), .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Python}");
        var text = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"bench: the scikit-learn peer {script} failed (exit {process.ExitCode}); install python3-sklearn. {errors}");
            return null;
        }

        return JsonSerializer.Deserialize<T>(text);
    }
}
