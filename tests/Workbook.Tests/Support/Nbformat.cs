using System.Diagnostics;

namespace Workbook.Tests.Support;

/// <summary>nbformat's own validator (Debian's python3-nbformat), run on a written notebook.</summary>
internal static class Nbformat
{
    private const string Python = "/usr/bin/python3";

    /// <summary>The validator's complaint, or null when the notebook is valid nbformat 4.</summary>
    public static string? Validate(string path)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: install Debian's python3-nbformat (the README's test command does)");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import sys, nbformat\nnb = nbformat.read(sys.argv[1], as_version=nbformat.NO_CONVERT)\nnbformat.validate(nb)\nprint(nb.nbformat, nb.nbformat_minor)");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Trim() == "4 5" ? null : $"exit {process.ExitCode}: {output}{error}";
    }
}
