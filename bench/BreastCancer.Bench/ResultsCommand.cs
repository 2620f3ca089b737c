using System.Diagnostics;
using System.Globalization;

namespace BreastCancer.Bench;

/// <summary>
/// <c>all [--runs N] [--study-runs N] [--only KEY,...] [--out FILE]</c>: the whole side-by-side comparison of issue 10, written to
/// <c>bench/results.md</c>: every <see cref="ComparisonRows"/> row (each side a process of its own under GNU time), batch
/// scoring (<see cref="BatchComparison"/>), serving (<see cref="ServeBench"/>), the monitoring dashboard's loads
/// (<see cref="DashboardBench"/>: ours alone, the peer has no dashboard) and the whole study
/// (<see cref="StudyComparison"/>), <c>N</c> runs per side (5 unless given; at least 5 for the report to count; the
/// whole study, several minutes a run on each side, takes <c>--study-runs</c>, <c>N</c> unless given).
/// The report is rewritten after every part, so that an interrupted run leaves what it measured (and says what it did not).
/// <c>bench/run.sh</c> installs what the peer needs and runs this.
/// </summary>
internal static class ResultsCommand
{
    private const int DefaultRuns = 5;

    /// <summary>The parts besides the in-process rows, by the names <c>--only</c> takes.</summary>
    private static readonly string[] Parts = ["batch", "serve", "dashboard", "study"];

    public static int Run(IReadOnlyList<string> args)
    {
        var (runs, studyRuns, only, file) = (DefaultRuns, (int?)null, (HashSet<string>?)null, Path.Combine("bench", "results.md"));
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    runs = n;
                    break;
                case "--study-runs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1:
                    studyRuns = n;
                    break;
                case "--only" when value is not null:
                    only = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "--out" when value is not null:
                    file = value;
                    break;
                default:
                    return Usage($"'{args[i]}'{(value is null ? "" : $" {value}")} is not an option or lacks its value");
            }

            i++;
        }

        var known = ComparisonRows.All.Select(r => r.Key).Concat(Parts).ToHashSet();
        if (only?.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            return Usage($"--only: '{unknown}' is not a row");
        }

        bool Selected(string key) => only is null || only.Contains(key);
        if (Missing(Selected) is { Count: > 0 } missing)
        {
            Console.Error.WriteLine($"bench all: missing {string.Join("; ", missing)}. bench/run.sh installs the Debian packages and builds everything.");
            return 2;
        }

        var output = Path.Combine("bench", "out");
        Directory.CreateDirectory(output);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var loadBefore = MachineDescription.LoadAverage();
        Console.WriteLine($"bench all: {runs} runs per side; load average {loadBefore}; writing {file}");
        var data = BenchData.Load();
        var pending = ComparisonRows.All.Select(r => r.Key).Concat(Parts).Where(Selected).ToList();
        var skipped = ComparisonRows.All.Select(r => r.Key).Concat(Parts).Where(k => !Selected(k)).ToList();
        var results = new BenchResults(runs, started, TimeSpan.Zero, MachineDescription.Lines(), loadBefore, "", [], null, [], [], null, pending, skipped);
        void Done(string key, BenchResults next)
        {
            pending.Remove(key);
            results = next with { Duration = clock.Elapsed, LoadAfter = MachineDescription.LoadAverage(), Pending = [.. pending] };
            File.WriteAllText(file, ResultsMarkdown.Render(results));
        }

        foreach (var row in ComparisonRows.All.Where(r => Selected(r.Key)))
        {
            Done(row.Key, results with { Timed = [.. results.Timed, Measure(row, runs, output)] });
        }

        if (Selected("batch"))
        {
            Console.WriteLine($"batch: {BatchComparison.Rows:N0} rows, ours and the peer…");
            var batch = BatchComparison.Measure(data, output, runs);
            Console.WriteLine($"batch: ours {batch.OurRowsPerSecond.Median:N0} rows/s, peer {batch.PeerRowsPerSecond.Median:N0} rows/s");
            Done("batch", results with { Batch = batch });
        }

        if (Selected("serve"))
        {
            foreach (var layout in ServeLayout.All)
            {
                Console.WriteLine($"serve, {layout.Key}: both servers, warm-up, then alternating wrk runs…");
                var serve = ServeBench.Measure(data, output, runs, layout);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serve, {layout.Key}: ours {serve.Ours.RequestsPerSecond.Median:F0} requests/s, peer {serve.Peer.RequestsPerSecond.Median:F0}; {serve.Ratio:F1}×"));
                results = results with { Serve = [.. results.Serve, serve] };
            }

            Done("serve", results);
        }

        if (Selected("dashboard"))
        {
            Console.WriteLine("dashboard: loads at 10,000 and 1,000,000 stored predictions…");
            Done("dashboard", results with { Dashboard = DashboardBench.Measure(data, output, DashboardBench.DefaultSizes) });
        }

        if (Selected("study"))
        {
            Console.WriteLine("study: every notebook through the runner, and bench/peer/study.py, alternating…");
            Done("study", results with { Study = StudyComparison.Measure(data, output, studyRuns ?? runs) });
        }

        Console.WriteLine($"bench all: wrote {file} in {clock.Elapsed.TotalMinutes:F1} min");
        return 0;
    }

    /// <summary>Measures one row: our side, then the peer's on the input ours wrote.</summary>
    private static TimedComparison Measure(ComparisonRow row, int runs, string output)
    {
        var arguments = new[] { row.Key, runs.ToString(CultureInfo.InvariantCulture) };
        var ours = MeasuredProcess.Run("dotnet", [typeof(ResultsCommand).Assembly.Location, "measure", .. arguments, output]).EnsureSuccess($"our side of {row.Key}");
        var ourTiming = RowTiming.Read(ours, row.Key);
        var (peerTiming, peerPeak) = ((RowTiming?)null, (double?)null);
        if (row.Peer is not null)
        {
            var peer = MeasuredProcess.Run(Peer.Python, [Path.Combine("bench", "peer", "rows.py"), row.Key, row.PeerInput(output), arguments[1]]).EnsureSuccess($"the peer's side of {row.Key}");
            (peerTiming, peerPeak) = (RowTiming.Read(peer, row.Key), peer.PeakMiB);
        }

        var result = new TimedComparison(row, ourTiming, ours.PeakMiB, peerTiming, peerPeak);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{row.Key}: ours {result.OursSeconds.Median:F3} s{(result.PeerSeconds is { } p ? $", peer {p.Median:F3} s, ratio {result.Ratio:F2}" : "")}"));
        return result;
    }

    /// <summary>What the selected parts need and the machine lacks.</summary>
    private static List<string> Missing(Func<string, bool> selected)
    {
        var missing = new List<string>();
        if (!File.Exists(MeasuredProcess.Time))
        {
            missing.Add($"GNU time ({MeasuredProcess.Time}, Debian's time)");
        }

        if (selected("serve") && ServeBench.Missing() is { } serve)
        {
            missing.Add(serve);
        }
        else if (Peer.Missing("sklearn") is { } peer)
        {
            missing.Add(peer);
        }

        if (selected("study") && StudyComparison.Missing() is { } study)
        {
            missing.Add(study);
        }

        return missing;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"bench all: {problem}. Usage: all [--runs N] [--study-runs N] [--only KEY,...] [--out FILE]; keys: {string.Join(", ", ComparisonRows.All.Select(r => r.Key).Concat(Parts))}");
        return 2;
    }
}

/// <summary>Everything one <c>bench all</c> has measured so far, for <see cref="ResultsMarkdown"/>, the parts still to come (none once it is done) and those left out by <c>--only</c>.</summary>
internal sealed record BenchResults(int Runs, DateTimeOffset Started, TimeSpan Duration, IReadOnlyList<string> Machine, string LoadBefore, string LoadAfter,
    IReadOnlyList<TimedComparison> Timed, BatchFigures? Batch, IReadOnlyList<ServeFigures> Serve, IReadOnlyList<DashboardFigures> Dashboard, StudyFigures? Study,
    IReadOnlyList<string> Pending, IReadOnlyList<string> Skipped);
