using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Workbook.Tests.Support;

/// <summary>
/// A Jupyter front end started from the repository's root as the README starts it, on a free loopback port with a
/// random token: Debian's classic Jupyter Notebook (<c>jupyter notebook notebooks/</c>) or JupyterLab
/// (<c>tools/jupyterlab/lab.sh notebooks/</c>). The classic one serves the committed notebooks read-only: its contents
/// manager marks every notebook as not writable (so the page does not autosave) and refuses saves; or, for a test that
/// saves, a folder of copies, writable, as JupyterLab always does. Its checkpoints, runtime files and (JupyterLab's)
/// settings and workspaces go to a temporary folder. Disposing stops the server with its kernels and deletes the folder.
/// </summary>
internal sealed class NotebookServer : IDisposable
{
    private const string Jupyter = "/usr/bin/jupyter";
    private const string JupyterNotebook = "/usr/bin/jupyter-notebook";
    private const string JupyterLab = "tools/jupyterlab/lab.sh";
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan ShutdownLimit = TimeSpan.FromSeconds(30);

    private const string ReadOnlyConfig = """
        from notebook.services.contents.filemanager import FileContentsManager
        from tornado import web


        class ReadOnlyContentsManager(FileContentsManager):
            def get(self, path, content=True, type=None, format=None):
                model = super().get(path, content=content, type=type, format=format)
                model["writable"] = False
                return model

            def save(self, model, path=""):
                raise web.HTTPError(403, "the tests leave the committed notebooks as they are")


        c.NotebookApp.contents_manager_class = ReadOnlyContentsManager
        """;

    private readonly TempFolder _folder = new();
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Process _process;

    private NotebookServer(int port, string home, Func<NotebookServer, int, IEnumerable<string>> command)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        Home = new Uri(Address, $"{home}?token={Token}");
        var arguments = command(this, port).ToList();
        var start = new ProcessStartInfo(arguments[0])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(_folder.File("runtime")).FullName,
                ["JUPYTER_CONFIG_DIR"] = Directory.CreateDirectory(_folder.File("config")).FullName,
            },
        };
        foreach (var argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The server's root, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Address { get; }

    public string Token { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>The front end's first page (the classic one's list of notebooks, JupyterLab's workspace), logged in with the token.</summary>
    public Uri Home { get; }

    /// <summary>What the server and its kernels have written so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>An answer of the server's REST API (<c>api/sessions</c>, say), as JSON.</summary>
    public async Task<JsonNode> GetAsync(string path)
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>
    /// Starts the classic Notebook on the committed notebooks, read-only, or on <paramref name="writableFolder"/> (a
    /// path from the repository's root), writable, and waits until it answers.
    /// </summary>
    public static Task<NotebookServer> StartAsync(string? writableFolder = null)
    {
        Assert.True(File.Exists(JupyterNotebook), $"{JupyterNotebook} is missing: install Debian's jupyter-notebook (the README's set-up command does)");
        return StartAsync("tree", (server, port) =>
        {
            var config = server._folder.File("jupyter_notebook_config.py");
            File.WriteAllText(config, writableFolder is null ? ReadOnlyConfig : "");
            return [Jupyter, "notebook", writableFolder ?? "notebooks/", .. Root(), "--no-browser", $"--port={port}", "--port-retries=0", "--ip=127.0.0.1",
                $"--NotebookApp.token={server.Token}", $"--config={config}", $"--FileCheckpoints.checkpoint_dir={server._folder.File("checkpoints")}"];
        });
    }

    /// <summary>Starts JupyterLab on <paramref name="folder"/> (a path from the repository's root) and waits until it answers.</summary>
    public static Task<NotebookServer> StartLabAsync(string folder)
    {
        Assert.True(File.Exists(Path.Combine(Repository.Root, "tools", "jupyterlab", "build", "bundle.js")),
            "JupyterLab's front end is not built: run tools/jupyterlab/build.sh (the README's set-up command does)");
        return StartAsync("lab", (server, port) =>
            [Path.Combine(Repository.Root, JupyterLab), folder, .. Root(), "--no-browser", $"--port={port}", "--port-retries=0", "--ip=127.0.0.1",
                $"--ServerApp.token={server.Token}", $"--FileCheckpoints.checkpoint_dir={server._folder.File("checkpoints")}"]);
    }

    private static async Task<NotebookServer> StartAsync(string home, Func<NotebookServer, int, IEnumerable<string>> command)
    {
        var server = new NotebookServer(FreePort(), home, command);
        try
        {
            await server.WaitUntilAnsweringAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>As root, Jupyter refuses to start without <c>--allow-root</c>.</summary>
    private static string[] Root() => Environment.IsPrivilegedProcess ? ["--allow-root"] : [];

    /// <summary>
    /// Asks the server to shut down, which shuts its kernels down first (a killed kernel leaves its .NET diagnostic
    /// pipes in /tmp), and kills the server's whole process tree if it has not stopped in time.
    /// </summary>
    public void Dispose()
    {
        var stopped = _process.HasExited || (AskToShutDown() && _process.WaitForExit(ShutdownLimit));
        if (!stopped)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _http.Dispose();
        _folder.Dispose();
    }

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow + StartLimit;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            if (await AnswersAsync())
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the Jupyter server did not answer at {Address} within {StartLimit}:\n{Log}");
    }

    private async Task<bool> AnswersAsync()
    {
        using var request = Request(HttpMethod.Get, "api/status");
        try
        {
            using var response = await _http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private bool AskToShutDown()
    {
        using var request = Request(HttpMethod.Post, "api/shutdown");
        try
        {
            using var response = _http.Send(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(Address, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("token", Token);
        return request;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
