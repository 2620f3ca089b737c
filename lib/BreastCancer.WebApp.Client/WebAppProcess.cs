using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BreastCancer.Analysis.Data;

namespace BreastCancer.WebApp.Client;

/// <summary>
/// The web app (<c>app/BreastCancer.Web</c>) run as its own process on a free loopback port, as the README's
/// <c>dotnet run --project app/BreastCancer.Web</c> runs it (building it first when needed), with the model store,
/// monitoring store and API key of <see cref="WebAppOptions"/>; started once <c>GET /health</c> answers 200, i.e. the app
/// serves a model (it listens at once and answers 503 while it loads its model or, with an empty model folder, trains the
/// first one); a first model that failed is reported at once rather than waited on. Disposing it
/// stops the process; the app is also told to stop by itself when this process exits (<c>ParentProcess:Id</c>), so a
/// failed cell or a restarted kernel that never disposes it leaves no server behind. Its console output is kept in
/// <see cref="Log"/>.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _log = [];
    private int _disposed;

    private WebAppProcess(Process process, Uri address, string apiKey)
    {
        _process = process;
        Address = address;
        Client = new WebAppClient(address, apiKey);
    }

    /// <summary>Where the app listens, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client of the app's JSON API, with the API key.</summary>
    public WebAppClient Client { get; }

    /// <summary>What the app has written to its console so far, line by line.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>The app's project folder: <c>app/BreastCancer.Web</c> beside the repository's <c>data/</c> (<see cref="DataFiles.Folder"/>).</summary>
    public static string ProjectFolder => Path.Combine(Path.GetDirectoryName(DataFiles.Folder)!, "app", "BreastCancer.Web");

    /// <summary>Builds (when needed) and starts the app, and waits until it answers.</summary>
    /// <exception cref="WebAppException">The app exited, could not make its first model, or did not serve within <see cref="WebAppOptions.StartTimeout"/>; the message holds the end of its log.</exception>
    public static async Task<WebAppProcess> StartAsync(WebAppOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var project = ProjectFolder;
        if (!File.Exists(Path.Combine(project, "BreastCancer.Web.csproj")))
        {
            throw new WebAppException($"no web app project at {project}: run from inside the repository");
        }

        var address = new Uri($"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "run", "--project", project, "--no-launch-profile", "--",
            "--urls", address.GetLeftPart(UriPartial.Authority),
            $"--Model:Folder={Path.GetFullPath(options.ModelFolder)}", $"--Monitoring:Database={Path.GetFullPath(options.Database)}", $"--Security:ApiKey={options.ApiKey}",
            $"--ParentProcess:Id={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}",
            .. (options.Settings ?? new Dictionary<string, string>()).Select(s => $"--{s.Key}={s.Value}"),
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new WebAppException("dotnet could not be started");
        var app = new WebAppProcess(process, address, options.ApiKey);
        process.OutputDataReceived += (_, line) => app.Record(line.Data);
        process.ErrorDataReceived += (_, line) => app.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilHealthyAsync(options.StartTimeout, cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the app (its whole process tree) and waits for it to exit; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.Add(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new WebAppException($"the web app exited with code {_process.ExitCode} before answering at {Address}:\n{Tail()}");
            }

            try
            {
                using var response = await probe.GetAsync("health", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                if (response.StatusCode == HttpStatusCode.ServiceUnavailable && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("\"state\":\"failed\"", StringComparison.Ordinal))
                {
                    throw new WebAppException($"the web app at {Address} could not load or train its first model:\n{Tail()}");
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        throw new WebAppException($"the web app did not answer at {Address} within {timeout.TotalSeconds:F0} s:\n{Tail()}");
    }

    private string Tail() => string.Join('\n', Log.TakeLast(20));

    /// <summary>A TCP port on 127.0.0.1 free at the moment of the call (the system's pick for port 0), for a server started next.</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
