using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Hosting;

/// <summary>
/// Stops the app when the process of <see cref="ParentProcessOptions.Id"/> exits (or is not running at start), so that
/// an app started by a notebook, a test or a benchmark never outlives its starter, even when the starter dies before
/// it can stop the app: a failed cell, a restarted kernel, a killed run. Without an id it does nothing.
/// </summary>
public sealed partial class ParentProcessWatch(IOptions<ParentProcessOptions> options, IHostApplicationLifetime lifetime, ILogger<ParentProcessWatch> logger) : BackgroundService
{
    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Id is not int id)
        {
            return;
        }

        Process parent;
        try
        {
            parent = Process.GetProcessById(id);
        }
        catch (ArgumentException)
        {
            NotRunning(logger, id);
            lifetime.StopApplication();
            return;
        }

        using (parent)
        {
            Watching(logger, id);
            try
            {
                await parent.WaitForExitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }

        Exited(logger, id);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching parent process {Id}: the app stops when it exits")]
    private static partial void Watching(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parent process {Id} exited: stopping the app")]
    private static partial void Exited(ILogger logger, int id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Parent process {Id} is not running: stopping the app")]
    private static partial void NotRunning(ILogger logger, int id);
}
