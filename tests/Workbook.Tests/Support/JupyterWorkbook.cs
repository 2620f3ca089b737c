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

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(Jupyter), $"{Jupyter} is missing: install Debian's jupyter-nbconvert, python3-nbclient and jupyter-client (the README's set-up command does)");
        var kernels = await ChildProcess.RunAsync(Jupyter, ["kernelspec", "list"], Repository.Root, TimeSpan.FromMinutes(1));
        Assert.True((kernels.Stdout + kernels.Stderr).Contains(".net-csharp", StringComparison.Ordinal),
            $"the .net-csharp Jupyter kernel is not registered (run the README's set-up command, tools/setup.sh):\n{kernels.Stdout}{kernels.Stderr}");

        string[] arguments = ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.timeout=1200",
            "--ExecutePreprocessor.kernel_name=.net-csharp", "--output-dir", OutDirectory, .. Repository.Notebooks.Select(Path.GetFileName)!];
        var run = await ChildProcess.RunAsync(Jupyter, arguments, Repository.NotebooksFolder, Limit);
        ExitCode = run.ExitCode;
        Log = run.Stdout + run.Stderr;
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
