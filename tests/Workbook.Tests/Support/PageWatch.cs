using System.Collections.Concurrent;
using System.Net;
using System.Net.NetworkInformation;
using Microsoft.Playwright;

namespace Workbook.Tests.Support;

/// <summary>
/// What a Jupyter front end's pages did wrong while a test drove them: errors (console errors, page errors, failed
/// requests, HTTP error answers) other than those of <paramref name="expected"/>, and requests to hosts other than this
/// machine.
/// </summary>
/// <param name="expected">
/// Addresses whose failure the test expects (named with the reason where the test declares them): a path on the
/// server (<c>/api/me</c>) or a whole remote URL.
/// </param>
internal sealed class PageWatch(IReadOnlyCollection<string> expected)
{
    private static readonly string[] NetworkSchemes = ["http:", "https:", "ws:", "wss:"];

    /// <summary>This machine's own interface addresses, read once.</summary>
    private static readonly Lazy<HashSet<IPAddress>> MachineAddresses =
        new(() => [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)]);

    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentQueue<string> _remote = new();

    /// <summary>The errors seen so far, each on a line.</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    /// <summary>The URLs of requests (and web sockets) that went to another host, in order.</summary>
    public IReadOnlyCollection<string> Remote => _remote;

    /// <summary>
    /// Starts watching <paramref name="page"/>. A request the server answered and the page then stopped reading is no
    /// error (the kernel's start-up script asks its web server's <c>/discovery</c> for the status alone; Chromium stops
    /// loading a script refused for its type); the answer's status is checked.
    /// </summary>
    public void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !expected.Any(e => message.Text.Contains(e, StringComparison.Ordinal) || message.Location.Contains(e, StringComparison.Ordinal)))
            {
                _problems.Enqueue($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Enqueue($"page error: {error}");
        var answered = new ConcurrentDictionary<IRequest, bool>();
        page.RequestFailed += (_, request) =>
        {
            if (!answered.ContainsKey(request) && !IsExpected(request.Url))
            {
                _problems.Enqueue($"request failed: {request.Url} ({request.Failure})");
            }
        };
        page.Response += (_, response) =>
        {
            answered[response.Request] = true;
            if (response.Status >= 400 && !(response.Status == 404 && IsExpected(response.Url)))
            {
                _problems.Enqueue($"HTTP {response.Status}: {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (LeavesTheMachine(request.Url))
            {
                _remote.Enqueue(request.Url);
            }
        };
        page.WebSocket += (_, socket) =>
        {
            if (LeavesTheMachine(socket.Url))
            {
                _remote.Enqueue(socket.Url);
            }
        };
    }

    /// <summary>Whether a request's failure is expected: the expected addresses hold its URL, or its path (whatever the query).</summary>
    private bool IsExpected(string url) => expected.Contains(url) || expected.Contains(new Uri(url).AbsolutePath);

    /// <summary>
    /// Whether a request goes to another host: loopback and this machine's own interface addresses do not (the kernel's
    /// start-up script asks its own web server at one of them); <c>data:</c> and <c>blob:</c> URLs go nowhere.
    /// </summary>
    private static bool LeavesTheMachine(string url)
    {
        if (!NetworkSchemes.Any(s => url.StartsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var host = new Uri(url).DnsSafeHost;
        return !(host == "localhost" || (IPAddress.TryParse(host, out var address) && (IPAddress.IsLoopback(address) || MachineAddresses.Value.Contains(address))));
    }
}
