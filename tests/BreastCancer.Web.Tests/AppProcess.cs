using System.Diagnostics;
using System.Globalization;
using System.Net;
using BreastCancer.WebApp.Client;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The app's own assembly run as a process (<c>dotnet BreastCancer.Web.dll --urls http://127.0.0.1:PORT ARGS</c>) on a
/// free loopback port, its console kept, for what only a real process shows (being killed, outliving its starter).
/// Disposing it kills it if it still runs.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly List<string> _log = [];

    private AppProcess(int port, IEnumerable<string> arguments)
    {
        Address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        Process = Process.Start(new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location, "--urls", Address.GetLeftPart(UriPartial.Authority), .. arguments])
        { RedirectStandardOutput = true, RedirectStandardError = true })!;
        Process.OutputDataReceived += (_, line) => Record(line.Data);
        Process.ErrorDataReceived += (_, line) => Record(line.Data);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }

    /// <summary>Where the app listens, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    /// <summary>What the app has written to its console so far.</summary>
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

    public static AppProcess Start(params string[] arguments) => new(WebAppProcess.FreeLoopbackPort(), arguments);

    /// <summary>
    /// Waits until <c>GET /health</c> answers 200 (the app serves a model; it answers 503 while it loads or trains it),
    /// up to <paramref name="patienceSeconds"/>; fails the test if the app exits first.
    /// </summary>
    public async Task WaitUntilServingAsync(int patienceSeconds = 90)
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow.AddSeconds(patienceSeconds);
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(Process.HasExited, $"the app exited with code {(Process.HasExited ? Process.ExitCode : 0)} before serving:\n{string.Join('\n', Log)}");
            try
            {
                using var response = await probe.GetAsync("/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the app did not answer /health with 200 within {patienceSeconds} s");
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit();
        }

        Process.Dispose();
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
}
