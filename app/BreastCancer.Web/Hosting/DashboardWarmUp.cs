using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BreastCancer.Web.Hosting;

/// <summary>
/// Loads the app's own dashboard once (<c>GET /dashboard</c>, then <c>GET /api/monitoring/charts</c>) over the first
/// plain-HTTP address it listens on, before it reports ready: the first render of the page compiles its code, about
/// 100 ms that the first clinician to open the dashboard would otherwise wait (a later load takes 5–10 ms). A wildcard
/// address (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>) is reached on the loopback. With no such address (an
/// in-memory test server, HTTPS only) nothing is loaded. The two requests are real: <c>/metrics</c> counts them.
/// </summary>
public sealed partial class DashboardWarmUp(IServer server, IHostApplicationLifetime lifetime, ILogger<DashboardWarmUp> logger)
{
    /// <summary>The paths loaded, in the order a browser asks for them.</summary>
    public static IReadOnlyList<string> Paths { get; } = ["/dashboard", "/api/monitoring/charts"];

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the server listens, then loads <see cref="Paths"/>; a failure is logged, not thrown.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        if (Address() is not { } address)
        {
            return;
        }

        using var client = new HttpClient { BaseAddress = address, Timeout = Limit };
        foreach (var path in Paths)
        {
            try
            {
                using var response = await client.GetAsync(path, stoppingToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    LogNotLoaded(path, (int)response.StatusCode);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e, path);
            }
        }
    }

    /// <summary>The first plain-HTTP address the server listens on (as Kestrel parses it), a wildcard host replaced by the loopback; null when there is none.</summary>
    private Uri? Address()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return addresses.Select(BindingAddress.Parse).Where(a => a.Scheme == Uri.UriSchemeHttp && !a.IsUnixPipe)
            .Select(a => new Uri($"http://{(a.Host is "0.0.0.0" or "[::]" or "*" or "+" ? IPAddress.Loopback.ToString() : a.Host)}:{a.Port}/")).FirstOrDefault();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the dashboard ahead of the first visitor: GET {Path} answered {Status}")]
    private partial void LogNotLoaded(string path, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the dashboard ahead of the first visitor: GET {Path} failed")]
    private partial void LogFailed(Exception exception, string path);
}
