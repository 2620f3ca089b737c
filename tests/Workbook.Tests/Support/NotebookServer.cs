using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace Workbook.Tests.Support;

/// <summary>
/// Debian's classic Jupyter Notebook started from the repository's root as the README starts it
/// (<c>jupyter notebook notebooks/</c>), on a free loopback port with a random token. It serves the committed notebooks
/// read-only: its contents manager marks every notebook as not writable (so the page does not autosave) and refuses
/// saves; or, for a test that saves, a folder of copies, writable. Its checkpoints and runtime files go to a temporary
/// folder. Disposing stops the server with its kernels and deletes the folder.
/// </summary>
internal sealed class NotebookServer : IDisposable
{
    private const string Jupyter = "/usr/bin/jupyter";
    private const string JupyterNotebook = "/usr/bin/jupyter-notebook";
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

    private NotebookServer(int port, string? writableFolder)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        var config = _folder.File("jupyter_notebook_config.py");
        File.WriteAllText(config, writableFolder is null ? ReadOnlyConfig : "");
        var start = new ProcessStartInfo(Jupyter)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["JUPYTER_RUNTIME_DIR"] = Directory.CreateDirectory(_folder.File("runtime")).FullName },
        };
        string[] arguments = ["notebook", writableFolder ?? "notebooks/", .. Environment.IsPrivilegedProcess ? ["--allow-root"] : Array.Empty<string>(),
            "--no-browser", $"--port={port}", "--port-retries=0", "--ip=127.0.0.1", $"--NotebookApp.token={Token}",
            $"--config={config}", $"--FileCheckpoints.checkpoint_dir={_folder.File("checkpoints")}"];
        foreach (var argument in arguments)
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

    /// <summary>The page listing the notebooks folder, logged in with the token.</summary>
    public Uri Tree => new(Address, $"tree?token={Token}");

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

    /// <summary>
    /// Starts a server on the committed notebooks, read-only, or on <paramref name="writableFolder"/> (a path from the
    /// repository's root), writable, and waits until it answers.
    /// </summary>
    public static async Task<NotebookServer> StartAsync(string? writableFolder = null)
    {
        Assert.True(File.Exists(JupyterNotebook), $"{JupyterNotebook} is missing: install Debian's jupyter-notebook (the README's set-up command does)");
        var server = new NotebookServer(FreePort(), writableFolder);
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

        throw new TimeoutException($"jupyter notebook did not answer at {Address} within {StartLimit}:\n{Log}");
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
