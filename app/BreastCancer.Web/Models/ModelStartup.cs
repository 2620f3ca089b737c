using BreastCancer.Web.Hosting;
using BreastCancer.Web.Monitoring;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Models;

/// <summary>
/// Makes the app's first model in the background, so that the server listens at once: the current model of the model
/// store, or the default model trained and saved there when there is none (<see cref="ModelLoader.LoadOrTrain"/>), given
/// to the <see cref="ModelHolder"/> when it is ready. Until then every request that needs the model is answered 503
/// (<see cref="Api.ModelGate"/>); <see cref="State"/> says what the app is doing. Once the model is served the
/// dashboard's charts are built and the dashboard loaded once (<see cref="DashboardWarmUp"/>), so that no page load
/// waits for their first build or the page's first render; then the app is ready. A first model that cannot be made
/// (data file missing or not matching the card, model store unreadable or unwritable) is logged and leaves the app up
/// and not ready, in <see cref="StartupState.Failed"/>, until it is restarted: restarting would fail the same way.
/// </summary>
public sealed partial class ModelStartup : BackgroundService
{
    private readonly ModelLoader _loader;
    private readonly ModelHolder _holder;
    private readonly DashboardCharts _charts;
    private readonly DashboardWarmUp _warmUp;
    private readonly ILogger<ModelStartup> _logger;
    private readonly string _folder;
    private readonly string _data;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _failed;

    /// <summary>The startup of the model store and data of <paramref name="options"/>, resolved against the app's content root.</summary>
    public ModelStartup(ModelLoader loader, ModelHolder holder, DashboardCharts charts, DashboardWarmUp warmUp, IOptions<ModelOptions> options, IWebHostEnvironment environment,
        ILogger<ModelStartup> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        (_loader, _holder, _charts, _warmUp, _logger) = (loader, holder, charts, warmUp, logger);
        _folder = RepositoryPaths.Resolve(environment.ContentRootPath, options.Value.Folder);
        _data = RepositoryPaths.Resolve(environment.ContentRootPath, options.Value.Data);
        Training = !ModelLoader.HasCurrentModel(_folder);
    }

    /// <summary>Whether the first model is trained (the store had none when the app started) rather than loaded.</summary>
    public bool Training { get; }

    /// <summary>Whether the first model is served: requests that need it are answered from then on, while the dashboard is prepared.</summary>
    public bool ModelServed => _holder.IsServing;

    /// <summary>What the app is doing about its first model: serving once the model is served and the dashboard built and loaded once.</summary>
    public StartupState State => _holder.IsServing && _finished.Task.IsCompleted ? StartupState.Serving
        : _failed ? StartupState.Failed
        : Training ? StartupState.Training : StartupState.Loading;

    /// <summary>Completes when the first model is served and the dashboard built and loaded once, or has failed (never faults): what a caller in the same process waits on.</summary>
    public Task Finished => _finished.Task;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var snapshot = await Task.Run(() => _loader.LoadOrTrain(_folder, _data), stoppingToken).WaitAsync(stoppingToken).ConfigureAwait(false);
            _holder.Start(snapshot);
            _charts.Build();
            await _warmUp.RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(_folder);
        }
        catch (Exception e)
        {
            _failed = true;
            LogFailed(e, _folder, _data);
        }
        finally
        {
            _finished.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "No model is served: the first model could not be loaded or trained from {Folder} with data {Data}; the app stays up, answering 503, until it is restarted")]
    private partial void LogFailed(Exception exception, string folder, string data);

    [LoggerMessage(Level = LogLevel.Information, Message = "The app stopped before its first model from {Folder} was ready")]
    private partial void LogStopped(string folder);
}
