using System.Diagnostics;

namespace Workbook.Tests.Support;

/// <summary>
/// Every notebook of the repository executed by Jupyter's own client (<c>jupyter nbconvert --execute</c>, Debian's
/// nbconvert and nbclient) in the <c>.net-csharp</c> kernel that <c>dotnet interactive jupyter install</c> registers
/// from the tool pinned in .config/dotnet-tools.json: the path VS Code's Jupyter extension takes. Each notebook gets a
/// kernel process of its own, started in the notebook's folder. Shared by the tests that read the executed notebooks.
/// </summary>
public sealed class JupyterWorkbook : IAsyncLifetime, IDisposable
{
    private const string Jupyter = "/usr/bin/jupyter";
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(30);
    private readonly TempFolder _folder = new();

    public string OutDirectory => _folder.File("jupyter");

    public int ExitCode { get; private set; }

    public string Log { get; private set; } = "";

    public TimeSpan Duration { get; private set; }

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Jupyter), $"{Jupyter} is missing: install Debian's jupyter-nbconvert, python3-nbclient and jupyter-client (the README's set-up command does)");
        var kernels = await RunAsync(Jupyter, ["kernelspec", "list"], Repository.Root, TimeSpan.FromMinutes(1));
        Assert.True(kernels.Output.Contains(".net-csharp", StringComparison.Ordinal),
            $"the .net-csharp Jupyter kernel is not registered (run the README's set-up command: dotnet tool restore && dotnet tool run dotnet-interactive jupyter install):\n{kernels.Output}");

        var clock = Stopwatch.StartNew();
        string[] arguments = ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=1200",
            "--ExecutePreprocessor.kernel_name=.net-csharp", "--output-dir", OutDirectory, .. Repository.Notebooks.Select(Path.GetFileName)!];
        var run = await RunAsync(Jupyter, arguments, Repository.NotebooksFolder, Limit);
        Duration = clock.Elapsed;
        ExitCode = run.ExitCode;
        Log = run.Output;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string folder, TimeSpan limit)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {limit}");
        }

        return (process.ExitCode, await output + await error);
    }
}
