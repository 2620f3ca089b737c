using Workbook.Running;

namespace Workbook.Tests.Support;

/// <summary>Every notebook of the repository, run once through the runner into a temp folder, shared by the tests that read the result.</summary>
public sealed class ExecutedWorkbook : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string OutDirectory => _folder.File("artifacts");

    public int ExitCode { get; private set; }

    public string Summary { get; private set; } = "";

    public string Terminal { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var output = new StringWriter();
        var terminal = new StringWriter();
        ExitCode = await RunCommand.ExecuteAsync(Repository.Notebooks, OutDirectory, keepGoing: true, output, terminal, interactive: false);
        Summary = output.ToString();
        Terminal = terminal.ToString();
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _folder.Dispose();
}
