using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Web.Monitoring;
using BreastCancer.WebApp.Client;
using Microsoft.Data.Sqlite;

namespace BreastCancer.Bench;

/// <summary>
/// The cost of a monitoring dashboard load (issue 25, item 5): for each size (10,000 and 1,000,000 stored predictions
/// unless given) a monitoring store is filled in one transaction through one prepared statement (WDBC rows drawn with
/// replacement, seed 1, with the default model's probability and decision, and a confirmed outcome for every fifth),
/// then the web app in Release is started on it <see cref="Starts"/> times. After each start, a load is what the page
/// asks of the app: <c>GET /dashboard</c>, then <c>GET /api/monitoring/charts</c> (plotly.js and the script are static
/// files a browser caches); timed the first time after the start (cold), then <see cref="WarmLoads"/> times unchanged
/// (warm), then <see cref="WarmLoads"/> times each after one more prediction (the untimed <c>POST /api/predict</c>
/// moves the latest window, so the latest checks and the charts are made again). Medians with [min–max], in ms, and
/// the server's CPU time per load (user and system, from /proc: what other load on the machine changes least).
/// </summary>
internal static class DashboardBench
{
    /// <summary>The most a dashboard load may take, in milliseconds (issue 25).</summary>
    public const double TargetMs = 50;

    /// <summary>The app's starts per size: one cold load each.</summary>
    public const int Starts = 3;

    /// <summary>The timed warm loads after each start, unchanged and after a prediction alike.</summary>
    public const int WarmLoads = 5;

    /// <summary>The store sizes measured unless others are given.</summary>
    public static readonly IReadOnlyList<int> DefaultSizes = [10_000, 1_000_000];

    /// <summary>The <c>dashboard [SIZE...]</c> command: measures and prints one row per size.</summary>
    public static int Run(IReadOnlyList<string> args, BenchData data, string output)
    {
        var sizes = new List<int>();
        foreach (var arg in args)
        {
            if (!int.TryParse(arg, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
            {
                Console.Error.WriteLine($"bench dashboard: '{arg}' is not a number of stored predictions; usage: dashboard [SIZE...], e.g. dashboard 10000 1000000");
                return 2;
            }

            sizes.Add(size);
        }

        Console.WriteLine($"dashboard loads by {ServeBench.AppAssembly()}, {Environment.ProcessorCount} cores; load before: {MachineDescription.LoadAverage()}");
        var rows = Measure(data, output, sizes.Count > 0 ? sizes : DefaultSizes);
        foreach (var line in Table(rows))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine($"target: every median under {TargetMs} ms: {(rows.All(r => r.Met) ? "met" : "missed")}; load after: {MachineDescription.LoadAverage()}");
        return 0;
    }

    /// <summary>What is measured, for the report: the stores, the starts and the loads.</summary>
    public static string Description { get; } = string.Create(CultureInfo.InvariantCulture,
        $"Each store is filled with WDBC rows drawn with replacement (seed 1), scored by the default model, a confirmed outcome for every fifth; the app (Release) is started on it {Starts} times; after each start one cold load, {WarmLoads} warm loads, then {WarmLoads} loads each after one more prediction. Figures are medians with [min–max] over the starts' loads, in ms; server CPU from /proc.");

    /// <summary>The Markdown table of <paramref name="rows"/>: one line per store size, under a header.</summary>
    public static IEnumerable<string> Table(IEnumerable<DashboardFigures> rows)
    {
        yield return "| stored predictions | store MiB | fill s | cold ms | warm ms | after a prediction ms | server CPU ms per warm load | per load after a prediction |";
        yield return "|---|---|---|---|---|---|---|---|";
        foreach (var row in rows)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"| {row.Predictions:N0} | {row.StoreMiB:F0} | {row.FillSeconds:F1} | {row.ColdMs.Format("F1")} | {row.WarmMs.Format("F1")} | {row.AfterPredictionMs.Format("F1")} | {row.WarmCpuMs.Format("F0")} | {row.AfterPredictionCpuMs.Format("F0")} |");
        }
    }

    /// <summary>One <see cref="DashboardFigures"/> per size in <paramref name="sizes"/>.</summary>
    public static IReadOnlyList<DashboardFigures> Measure(BenchData data, string output, IReadOnlyList<int> sizes)
    {
        var (models, model) = BatchBench.Model(data.Wdbc, output);
        var figures = new List<DashboardFigures>();
        foreach (var size in sizes)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"bc-bench-dashboard-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            try
            {
                var database = Path.Combine(folder, "predictions.db");
                var clock = Stopwatch.StartNew();
                Fill(database, model, data, size);
                var fillSeconds = clock.Elapsed.TotalSeconds;
                var storeMiB = new FileInfo(database).Length / (1024.0 * 1024);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size,11:N0} predictions stored in {fillSeconds:F1} s, {storeMiB:F0} MiB"));
                var (cold, warm, after) = (new List<double>(), new List<double>(), new List<double>());
                var (warmCpu, afterCpu) = (new List<double>(), new List<double>());
                for (var start = 0; start < Starts; start++)
                {
                    using var app = ServeBench.StartOurs(ServeLayout.Shared, ServeBench.AppAssembly(), models, database, WebAppProcess.FreeLoopbackPort(), out var url);
                    using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
                    ServeBench.WaitForHealth(client, app, url, TimeSpan.FromMinutes(2));
                    cold.Add(Load(client, url));
                    var cpu = app.CpuSeconds();
                    warm.AddRange(Enumerable.Range(0, WarmLoads).Select(_ => Load(client, url)));
                    warmCpu.Add((app.CpuSeconds() - cpu) * 1000 / WarmLoads);
                    cpu = app.CpuSeconds();
                    foreach (var row in data.Wdbc.ToArray().Take(WarmLoads))
                    {
                        ServeBench.Probe(client, url, row);
                        after.Add(Load(client, url));
                    }

                    Thread.Sleep(TimeSpan.FromSeconds(3));
                    afterCpu.Add((app.CpuSeconds() - cpu) * 1000 / WarmLoads);

                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  start {start + 1}: cold {cold[^1]:F1} ms, warm {string.Join(' ', warm.TakeLast(WarmLoads).Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} ms, after a prediction {string.Join(' ', after.TakeLast(WarmLoads).Select(ms => ms.ToString("F1", CultureInfo.InvariantCulture)))} ms"));
                }

                figures.Add(new DashboardFigures(size, storeMiB, fillSeconds, Spread.Of(cold), Spread.Of(warm), Spread.Of(after), Spread.Of(warmCpu), Spread.Of(afterCpu)));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return figures;
    }

    /// <summary>One dashboard load: the page, then its charts, both answered 200; in milliseconds.</summary>
    private static double Load(HttpClient client, string url)
    {
        var clock = Stopwatch.StartNew();
        foreach (var path in new[] { "/dashboard", "/api/monitoring/charts" })
        {
            using var response = client.GetAsync(url + path).GetAwaiter().GetResult();
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
            }
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// A monitoring store at <paramref name="database"/> (the app's schema) holding <paramref name="size"/> predictions
    /// of WDBC rows drawn with replacement (seed 1) by <paramref name="model"/>, and the row's diagnosis as the outcome
    /// of every fifth, a minute apart, written in one transaction through one prepared statement per table, without a
    /// journal (the app puts the database back in write-ahead-log mode when it opens it); ids are version-7 GUIDs, in
    /// time order, so that the primary key's b-tree is appended to.
    /// </summary>
    private static void Fill(string database, SavedModel model, BenchData data, int size)
    {
        new PredictionStore(database).Dispose();
        var rows = data.Wdbc.ToArray();
        var probabilities = model.PredictProbability(rows);
        var decisions = model.Decide(probabilities);
        var features = rows.Select(r => JsonSerializer.Serialize(r)).ToArray();
        var random = new Random(1);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using (var unjournalled = connection.CreateCommand())
        {
            unjournalled.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF";
            unjournalled.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var prediction = Command(connection, transaction,
            "INSERT INTO predictions (id, time, model_version, features, probability, biopsy) VALUES ($id, $time, $version, $features, $probability, $biopsy)",
            "$id", "$time", "$version", "$features", "$probability", "$biopsy");
        using var outcome = Command(connection, transaction, "INSERT INTO outcomes (prediction_id, malignant, time) VALUES ($id, $malignant, $time)", "$id", "$malignant", "$time");
        prediction.Parameters["$version"].Value = model.Version;
        for (var i = 0; i < size; i++)
        {
            var row = random.Next(rows.Length);
            var id = Guid.CreateVersion7(start.AddMinutes(i)).ToString();
            var time = start.AddMinutes(i).ToString("O", CultureInfo.InvariantCulture);
            (prediction.Parameters["$id"].Value, prediction.Parameters["$time"].Value, prediction.Parameters["$features"].Value) = (id, time, features[row]);
            (prediction.Parameters["$probability"].Value, prediction.Parameters["$biopsy"].Value) = (probabilities[row], decisions[row] ? 1 : 0);
            prediction.ExecuteNonQuery();
            if (i % 5 == 4)
            {
                (outcome.Parameters["$id"].Value, outcome.Parameters["$malignant"].Value, outcome.Parameters["$time"].Value) = (id, data.Wdbc.IsMalignant[row] ? 1 : 0, time);
                outcome.ExecuteNonQuery();
            }
        }

        transaction.Commit();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }
}

/// <summary>The dashboard loads measured on one store.</summary>
/// <param name="Predictions">Predictions stored (a fifth of them with an outcome).</param>
/// <param name="StoreMiB">The database file's size, in MiB.</param>
/// <param name="FillSeconds">The time to fill it, in seconds.</param>
/// <param name="ColdMs">The first load after each start, in ms.</param>
/// <param name="WarmMs">Loads with nothing changed, in ms.</param>
/// <param name="AfterPredictionMs">Loads each after one more prediction, in ms.</param>
/// <param name="WarmCpuMs">The server's CPU time per warm load, by start, in ms.</param>
/// <param name="AfterPredictionCpuMs">The server's CPU time per load after a prediction, by start, in ms: the predictions' own and the chart build they set off in the background (read 3 s after the last load) included.</param>
internal sealed record DashboardFigures(int Predictions, double StoreMiB, double FillSeconds, Spread ColdMs, Spread WarmMs, Spread AfterPredictionMs, Spread WarmCpuMs, Spread AfterPredictionCpuMs)
{
    /// <summary>Whether every median is under <see cref="DashboardBench.TargetMs"/>.</summary>
    public bool Met => new[] { ColdMs, WarmMs, AfterPredictionMs }.All(s => s.Median < DashboardBench.TargetMs);
}
