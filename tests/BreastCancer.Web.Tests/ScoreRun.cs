using BreastCancer.Web.Batch;

namespace BreastCancer.Web.Tests;

/// <summary>The score command run in-process in a temporary folder of its own, with its summary and its errors kept: where each test of the command starts.</summary>
internal sealed class ScoreRun : IDisposable
{
    /// <summary>The temporary folder, deleted with this run.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("bc-score-tests-").FullName;

    /// <summary>What the command wrote to standard output.</summary>
    public StringWriter Output { get; } = new();

    /// <summary>What the command wrote to standard error.</summary>
    public StringWriter Errors { get; } = new();

    /// <summary>A file of the temporary folder.</summary>
    public string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Runs <c>score</c> with <paramref name="args"/>; its exit code.</summary>
    public int Score(params string[] args) => ScoreCommand.Run(args, Output, Errors, errorsIsTerminal: false);

    public void Dispose()
    {
        Directory.Delete(Folder, recursive: true);
        Output.Dispose();
        Errors.Dispose();
    }
}
