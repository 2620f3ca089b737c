using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Data.Splits;
using BreastCancer.WebApp.Client;

namespace BreastCancer.Bench;

/// <summary>
/// The serving benchmark of issues 9 and 10: our <c>POST /api/predict</c> (the web app in Release as its own process,
/// the default model trained into a temporary folder, a temporary SQLite store) against a Flask app serving
/// scikit-learn's logistic regression under gunicorn's sync workers (<c>bench/peer/serve.py</c>), both on
/// loopback, driven by wrk at 32 connections with one held-out patient's JSON (<c>bench/peer/post.lua</c>), in each
/// <see cref="ServeLayout"/>: sharing both cores with wrk, and pinned to a core of its own with wrk on the other. After a
/// warm-up, each side is measured for a fixed time in alternating runs; the table gives medians with min–max,
/// server CPU per request, the peak resident set while serving, and the target: p99 ≤ 5 ms and at least 10× the
/// peer's requests per second. Our server's <c>GET /health</c> is driven the same way in the same runs: the ceiling
/// that the stack alone (Kestrel, the middleware, wrk on the same cores) leaves for any work per prediction.
/// </summary>
internal static class ServeBench
{
    private const int Connections = 32;
    private const int DefaultRuns = 5;
    private const int Seconds = 10;
    private const int WarmUpSeconds = 5;
    private const int RaisedRateLimit = 1_000_000_000;
    private const double ProbabilityTolerance = 1e-3;
    private const string Wrk = "/usr/bin/wrk";
    private const string Gunicorn = "/usr/bin/gunicorn";

    /// <summary>The <c>serve</c> command: measures and prints the table.</summary>
    public static int Run(BenchData data, string output)
    {
        if (Missing() is { } missing)
        {
            Console.Error.WriteLine($"bench serve: {missing}; install them with: apt-get install wrk gunicorn python3-flask python3-sklearn");
            return 2;
        }

        foreach (var layout in ServeLayout.All)
        {
            var figures = Measure(data, output, DefaultRuns, layout);
            Console.WriteLine($"layout: {layout.Key}: {layout.Description}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"answers: the {figures.Patients} held-out patients posted one by one to both: largest |Δ probability| {figures.ProbabilityGap:E1} (tolerance {ProbabilityTolerance:E0}: ML.NET's single-precision L-BFGS against scikit-learn's lbfgs), decisions agreeing {figures.Agreeing}/{figures.Patients}"));
            Console.WriteLine($"ours: {OursDescription}");
            Console.WriteLine($"peer: {PeerDescription(layout)}");
            Console.WriteLine($"driver: {Driver(DefaultRuns, layout)}; load before: {figures.LoadBefore}, after: {figures.LoadAfter}");
            Print(figures);
        }

        return 0;
    }

    /// <summary>What our side serves, for the reports.</summary>
    public const string OursDescription = "BreastCancer.Web in Release, Kestrel, rate limiter on (limit raised), every prediction recorded in SQLite (WAL) before it is answered; validation, probability, decision, SHAP contributions, conformal set, range warnings";

    /// <summary>What the peer serves in <paramref name="layout"/>, for the reports.</summary>
    public static string PeerDescription(ServeLayout layout) =>
        $"Flask 2.2 + scikit-learn 1.2.1 StandardScaler + LogisticRegression (C = 1/3, our λ₂ = 3) under gunicorn -w {layout.PeerWorkers} (sync workers); validation, probability, decision; nothing stored";

    /// <summary>How both sides are driven in <paramref name="layout"/>, for the reports.</summary>
    public static string Driver(int runs, ServeLayout layout) =>
        $"{(layout.DriverCores is { } cores ? $"taskset -c {cores} " : "")}wrk -t{layout.WrkThreads} -c{Connections} -d{Seconds}s --latency -s bench/peer/post.lua, one held-out patient per request; {WarmUpSeconds} s warm-up each, then {runs} runs per side, alternating";

    /// <summary>What the machine lacks for this benchmark, or null.</summary>
    public static string? Missing()
    {
        var missing = new[] { Wrk, Gunicorn, ServeLayout.Taskset }.Where(f => !File.Exists(f)).ToList();
        if (Peer.Missing("flask", "sklearn") is { } peer)
        {
            missing.Add(peer);
        }

        if (!File.Exists(AppAssembly()))
        {
            missing.Add($"the web app's build at {AppAssembly()} (dotnet build -c Release bench/BreastCancer.Bench builds it)");
        }

        return missing.Count == 0 ? null : $"missing {string.Join(", ", missing)}";
    }

    /// <summary>Both sides started in <paramref name="layout"/>, checked against each other on the held-out patients, warmed up and driven <paramref name="runs"/> times each, alternating.</summary>
    public static ServeFigures Measure(BenchData data, string output, int runs, ServeLayout layout)
    {
        var heldOut = data.Wdbc.Subset(data.Split.Test).ToArray();
        var folder = Path.Combine(Path.GetTempPath(), $"bc-bench-serve-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var body = Path.Combine(Path.GetFullPath(output), "serve-body.json");
        File.WriteAllText(body, Body(heldOut[0]).ToJsonString());
        try
        {
            var loadBefore = MachineDescription.LoadAverage();
            using var ours = StartOurs(layout, AppAssembly(), Path.Combine(folder, "models"), Path.Combine(folder, "predictions.db"), WebAppProcess.FreeLoopbackPort(), out var ourUrl);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            WaitForHealth(client, ours, ourUrl, TimeSpan.FromMinutes(5));
            var threshold = Probe(client, ourUrl, heldOut[0]).GetProperty("threshold").GetDouble();
            using var peer = StartPeer(layout, PeerModel.Write(data, threshold, output), WebAppProcess.FreeLoopbackPort(), out var peerUrl);
            WaitForHealth(client, peer, peerUrl, TimeSpan.FromMinutes(1));
            var (gap, agreeing) = Agreement(client, ourUrl, peerUrl, heldOut);

            (ServerProcess Server, string Url, string? Body)[] targets = [(ours, $"{ourUrl}/api/predict", body), (ours, $"{ourUrl}/health", null), (peer, $"{peerUrl}/api/predict", body)];
            foreach (var (server, url, posted) in targets)
            {
                Drive(layout, url, posted, WarmUpSeconds);
                server.ResetPeak();
            }

            var results = targets.ToDictionary(t => t.Url, _ => new List<(WrkResult Wrk, double CpuMsPerRequest)>());
            for (var run = 0; run < runs; run++)
            {
                foreach (var (server, url, posted) in targets)
                {
                    var cpu = server.CpuSeconds();
                    var result = Drive(layout, url, posted, Seconds);
                    results[url].Add((result, (server.CpuSeconds() - cpu) * 1000 / Math.Max(1, result.Requests)));
                }
            }

            ServeSide Side(int target) => new([.. results[targets[target].Url].Select(r => r.Wrk)], [.. results[targets[target].Url].Select(r => r.CpuMsPerRequest)], targets[target].Server.PeakMegabytes());
            return new ServeFigures(layout, Side(0), Side(2), Side(1), gap, agreeing, heldOut.Length, loadBefore, MachineDescription.LoadAverage());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Print(ServeFigures figures)
    {
        Console.WriteLine($"| side | requests/s | p50 ms | p99 ms | server CPU ms/request | failures | peak RSS MiB |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Row("ours (ASP.NET Core)", figures.Ours);
        Row("ours, GET /health (ceiling)", figures.Ceiling);
        Row($"peer (Flask + gunicorn -w {figures.Layout.PeerWorkers})", figures.Peer);
        var (ours, peer) = (figures.Ours, figures.Peer);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ratio ours / peer | {figures.Ratio:F1}× | {ours.P50Ms.Median / peer.P50Ms.Median:F2} | {ours.P99Ms.Median / peer.P99Ms.Median:F2} | {ours.Cpu.Median / peer.Cpu.Median:F2} | | {ours.PeakMiB / peer.PeakMiB:F2} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ceiling: our server's GET /health (no body, model or store) is {figures.CeilingRatio:F1}× the peer's requests/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"target (issues 9 and 10): p99 ≤ {ServeFigures.P99TargetMs} ms and ≥ {ServeFigures.RatioTarget}× the peer's requests/s, every response 2xx: {(figures.Met ? "met" : "missed")} ({ours.P99Ms.Median:F2} ms, {figures.Ratio:F1}×, {ours.Failures + peer.Failures} failures)"));
        Console.WriteLine("peak RSS: VmHWM while serving (reset after the warm-up), summed over gunicorn's master and workers; medians of the runs with [min–max]");
    }

    private static void Row(string name, ServeSide side) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {side.RequestsPerSecond.Format("F0")} | {side.P50Ms.Format("F2")} | {side.P99Ms.Format("F2")} | {side.Cpu.Format("F3")} | {side.Failures} | {side.PeakMiB:F0} |"));

    /// <summary>The web app's assembly, built in the benchmark's configuration by its project reference.</summary>
    public static string AppAssembly() => SiblingBuild.Assembly(Path.Combine("app", "BreastCancer.Web"), "BreastCancer.Web.dll");

    /// <summary>Our app in its own process on <paramref name="port"/>, laid out by <paramref name="layout"/>, serving the models in <paramref name="models"/> (the default model trained there when none is) with the store <paramref name="database"/>, the rate limit raised.</summary>
    public static ServerProcess StartOurs(ServeLayout layout, string app, string models, string database, int port, out string url)
    {
        url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        return ServerProcess.Start("ours", layout.Server("dotnet",
        [
            app, "--contentRoot", Path.GetFullPath(Path.Combine("app", "BreastCancer.Web")), "--urls", url,
            $"--Model:Folder={models}", $"--Monitoring:Database={database}",
            $"--RateLimit:PermitsPerMinute={RaisedRateLimit.ToString(CultureInfo.InvariantCulture)}", $"--ParentProcess:Id={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}",
        ]));
    }

    private static ServerProcess StartPeer(ServeLayout layout, string data, int port, out string url)
    {
        url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var start = layout.Server(Gunicorn, ["-w", layout.PeerWorkers.ToString(CultureInfo.InvariantCulture), "-b", $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}", "--chdir", Path.GetFullPath(Path.Combine("bench", "peer")), "serve:app"]);
        start.Environment["BC_SERVE_DATA"] = data;
        return ServerProcess.Start("peer", start);
    }

    /// <summary>Waits until <paramref name="server"/> answers <c>GET /health</c> with 200; throws when it exits first or <paramref name="patience"/> runs out.</summary>
    public static void WaitForHealth(HttpClient client, ServerProcess server, string url, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < patience)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{server.Name} exited before serving: {server.Errors}");
            }

            try
            {
                if (client.GetAsync($"{url}/health").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Thread.Sleep(200);
        }

        throw new TimeoutException($"{server.Name} did not answer {url}/health within {patience.TotalSeconds} s");
    }

    private static JsonObject Body(double[] row) =>
        new() { ["features"] = new JsonObject(FeatureCatalog.WdbcFeatures.Select((f, i) => KeyValuePair.Create(f, (JsonNode?)JsonValue.Create(row[i])))) };

    /// <summary>The answer of <c>POST /api/predict</c> for one patient, <paramref name="row"/>; throws unless it is a 2xx.</summary>
    public static JsonElement Probe(HttpClient client, string url, double[] row)
    {
        using var content = new StringContent(Body(row).ToJsonString(), Encoding.UTF8, "application/json");
        using var response = client.PostAsync($"{url}/api/predict", content).GetAwaiter().GetResult();
        var text = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"POST {url}/api/predict answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>The largest gap between the two sides' probabilities over <paramref name="rows"/>, and how many decisions agree.</summary>
    private static (double Gap, int Agreeing) Agreement(HttpClient client, string ours, string peer, IReadOnlyList<double[]> rows)
    {
        var (gap, agreeing) = (0.0, 0);
        foreach (var row in rows)
        {
            var (a, b) = (Probe(client, ours, row), Probe(client, peer, row));
            gap = Math.Max(gap, Math.Abs(a.GetProperty("probability").GetDouble() - b.GetProperty("probability").GetDouble()));
            agreeing += a.GetProperty("biopsyRecommended").GetBoolean() == b.GetProperty("biopsyRecommended").GetBoolean() ? 1 : 0;
        }

        return (gap, agreeing);
    }

    /// <summary>wrk against <paramref name="url"/> for <paramref name="seconds"/>, placed as <paramref name="layout"/> says: POSTs of the JSON file <paramref name="body"/>, or GETs when it is null.</summary>
    private static WrkResult Drive(ServeLayout layout, string url, string? body, int seconds)
    {
        string[] request = body is null ? [url] : ["-s", Path.GetFullPath(Path.Combine("bench", "peer", "post.lua")), url, "--", body];
        var start = layout.Driver(Wrk, [$"-t{layout.WrkThreads.ToString(CultureInfo.InvariantCulture)}", $"-c{Connections}", $"-d{seconds}s", "--latency", .. request]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {Wrk}");
        var text = wrk.StandardOutput.ReadToEnd();
        var errors = wrk.StandardError.ReadToEnd();
        wrk.WaitForExit();
        return wrk.ExitCode == 0 ? WrkResult.Parse(text) : throw new InvalidOperationException($"wrk failed (exit {wrk.ExitCode}): {errors}{text}");
    }
}
