using System.Diagnostics;
using System.Globalization;

namespace BreastCancer.Bench;

/// <summary>
/// A server under test, started by the benchmark, and what Linux's /proc says of it and of its child processes
/// (gunicorn's workers): CPU time used and the peak resident set size since the last <see cref="ResetPeak"/>.
/// </summary>
internal sealed class ServerProcess(string name, Process process) : IDisposable
{
    /// <summary>The side's name.</summary>
    public string Name { get; } = name;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => process.HasExited;

    /// <summary>What the process wrote to stderr, for the message when it fails to start.</summary>
    public string Errors => _errors.ToString();

    private readonly System.Text.StringBuilder _errors = new();

    /// <summary>Starts <paramref name="start"/>, keeping its stderr and discarding its stdout.</summary>
    public static ServerProcess Start(string name, ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        var server = new ServerProcess(name, process);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            lock (server._errors)
            {
                server._errors.AppendLine(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>The process and its children, by id.</summary>
    public IReadOnlyList<int> Ids() => [process.Id, .. Directory.EnumerateDirectories("/proc")
        .Select(d => int.TryParse(Path.GetFileName(d), out var id) ? id : 0)
        .Where(id => id > 0 && ParentOf(id) == process.Id)];

    /// <summary>User plus system CPU time of the process and its children so far, in seconds.</summary>
    public double CpuSeconds() => Ids().Sum(id => Stat(id) is { } fields
        ? (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0
        : 0);

    /// <summary>Resets the peak resident set size of the process and its children (<c>clear_refs</c> 5), so that the next <see cref="PeakMegabytes"/> covers serving only.</summary>
    public void ResetPeak()
    {
        foreach (var id in Ids())
        {
            File.WriteAllText($"/proc/{id}/clear_refs", "5");
        }
    }

    /// <summary>The sum over the process and its children of the peak resident set size (VmHWM), in MiB.</summary>
    public double PeakMegabytes() => Ids().Sum(id => File.ReadLines($"/proc/{id}/status")
        .Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
        .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
        .FirstOrDefault());

    /// <inheritdoc />
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    /// <summary>The fields of /proc/ID/stat after the command's name (state is field 0), or null when the process is gone.</summary>
    private static string[]? Stat(int id)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{id}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static int ParentOf(int id) => Stat(id) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : 0;
}
