using System.Diagnostics;
using System.Globalization;

namespace BreastCancer.Web.Tests;

/// <summary>An app started by another program (<c>ParentProcess:Id</c>) stops by itself when that program is gone.</summary>
[Collection(TrainedModelGroup.Name)]
public sealed class ParentProcessTests(TrainedModel model) : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-parent-{Guid.NewGuid():N}");

    [Fact]
    public async Task The_app_serves_while_its_parent_runs_and_stops_within_seconds_once_the_parent_is_killed()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "600"))!;
        using var app = Start(parent.Id);
        await app.WaitUntilServingAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(app.Process.HasExited, "the app stopped while its parent still ran");
        Assert.Contains(app.Log, line => line.Contains($"Watching parent process {parent.Id}", StringComparison.Ordinal));

        parent.Kill();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await app.Process.WaitForExitAsync(patience.Token);
        Assert.Equal(0, app.Process.ExitCode);
        Assert.Contains(app.Log, line => line.Contains($"Parent process {parent.Id} exited: stopping the app", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_app_given_a_parent_that_is_not_running_stops_at_once_and_says_why()
    {
        using var gone = Process.Start(new ProcessStartInfo("true"))!;
        await gone.WaitForExitAsync();
        using var app = Start(gone.Id);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.Process.WaitForExitAsync(patience.Token);
        Assert.Contains(app.Log, line => line.Contains($"Parent process {gone.Id} is not running: stopping the app", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private AppProcess Start(int parent) => AppProcess.Start($"--Model:Folder={model.Folder}", $"--Monitoring:Database={Path.Combine(_folder, "predictions.db")}",
        $"--ParentProcess:Id={parent.ToString(CultureInfo.InvariantCulture)}");
}
