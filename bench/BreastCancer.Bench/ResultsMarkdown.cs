using System.Globalization;
using System.Text;

namespace BreastCancer.Bench;

/// <summary>
/// <c>bench/results.md</c> from one <see cref="BenchResults"/>: the machine, then one table per kind of figure, each
/// row with our figure, the peer's, the ratio, both peak resident sets, the target and whether it is met; the rows
/// that miss are listed at the end (why, and what was tried: <c>bench/README.md</c>).
/// </summary>
internal static class ResultsMarkdown
{
    public static string Render(BenchResults results)
    {
        var text = new StringBuilder();
        var misses = new List<string>();
        void Line(string line = "") => text.Append(line).Append('\n');
        Line("# Benchmark results");
        Line();
        Line(F($"Written by `bench/run.sh` (`dotnet run -c Release --project bench/BreastCancer.Bench -- all`) on {results.Started:yyyy-MM-dd HH:mm} UTC; the run took {results.Duration.TotalMinutes:F0} min. Every figure is the median of {results.Runs} runs per side with [min–max]{(results.Runs < 5 ? " (fewer than the 5 runs a report needs: a trial)" : "")}, after a warm-up run; a ratio is ours / the peer's median time, so below 1 means we are faster. Both sides run on the same rows and folds (our side writes them, the peer reads them: `bench/out/row-*.json`) and use every core. Peak memory is the largest resident set of each side's process (GNU time `-v`), one process per row and side. What each row runs, why a row misses and what was tried: [`bench/README.md`](README.md)."));
        Line();
        if (results.Pending.Count > 0)
        {
            Line($"**Incomplete: the run stopped, or has not yet reached, {string.Join(", ", results.Pending.Select(p => $"`{p}`"))}.**");
            Line();
        }

        if (results.Skipped.Count > 0)
        {
            Line($"**Partial: `--only` left out {string.Join(", ", results.Skipped.Select(p => $"`{p}`"))}.**");
            Line();
        }

        Line("## Machine");
        Line();
        foreach (var fact in results.Machine)
        {
            Line($"- {fact}");
        }

        Line($"- load average (1, 5, 15 min) before: {results.LoadBefore}; after: {results.LoadAfter}");
        Line();
        Timed(results.Timed, Line, misses);
        if (results.Batch is { } batch)
        {
            Batch(batch, Line, misses);
        }

        foreach (var serve in results.Serve)
        {
            Serve(serve, Line, misses);
        }

        if (results.Dashboard.Count > 0)
        {
            Dashboard(results.Dashboard, Line, misses);
        }

        if (results.Study is { } study)
        {
            Study(study, Line, misses);
        }

        Line("## Rows that miss their target");
        Line();
        if (misses.Count == 0)
        {
            Line("None.");
        }

        foreach (var miss in misses)
        {
            Line($"- {miss}");
        }

        return text.ToString();
    }

    private static void Timed(IReadOnlyList<TimedComparison> rows, Action<string> line, List<string> misses)
    {
        if (rows.Count == 0)
        {
            return;
        }

        line("## Training, tuning and explaining: time on identical folds");
        line("");
        line("Target: ratio ≤ 1, and our accuracy and ROC AUC (means over the folds; for a grid, the best setting's mean ROC AUC) not below the peer's.");
        line("");
        line("| row | ours s | peer s | ratio | ours accuracy | peer accuracy | ours ROC AUC | peer ROC AUC | ours peak MiB | peer peak MiB | target |");
        line("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            var verdict = row.Met ? "met" : "**missed**";
            var items = row.Row.Items is { } n ? F($" ({n / row.OursSeconds.Median:N0}/s)") : "";
            line(F($"| {row.Row.Title} | {row.OursSeconds.Format("F3")}{items} | {row.PeerSeconds?.Format("F3") ?? "no peer"} | {Ratio(row.Ratio)} | {Q(row.Ours.Accuracy)} | {Q(row.Peer?.Accuracy)} | {Q(row.Ours.RocAuc)} | {Q(row.Peer?.RocAuc)} | {row.OursPeakMiB:F0} | {(row.PeerPeakMiB is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) : "")} | {verdict} |"));
            if (!row.Met)
            {
                var below = string.Join(", ", row.Below().Select(b => F($"{b.Metric} {Gap(b.Gap)} below the peer's")));
                var why = row.Ratio is { } r && r > 1 ? F($"{r:F2}× the peer's time") : row.Ratio is null ? F($"{row.OursSeconds.Median:F2} s against {row.Row.TargetSeconds} s") : "";
                misses.Add($"{row.Row.Title}: {string.Join("; ", new[] { why, below }.Where(s => s.Length > 0))}");
            }
        }

        line("");
        line("| row | ours | peer | our detail | peer's detail |");
        line("|---|---|---|---|---|");
        foreach (var row in rows)
        {
            line($"| {row.Row.Title} | {row.Row.Ours} | {row.Row.Peer ?? "none: no SHAP package is installable here"} | {row.Ours.Detail} | {row.Peer?.Detail} |");
        }

        line("");
    }

    private static void Batch(BatchFigures batch, Action<string> line, List<string> misses)
    {
        line(F($"## Batch scoring of {batch.Rows:N0} generated rows"));
        line("");
        line(F($"Ours: the app's `score` command (default model, every row validated, the copied cells plus probability, decision and model version written). Peer: `bench/peer/score.py` (scikit-learn's scaler and logistic regression on the same training rows, the same CSV streamed in chunks of 10,000). Rows per second over the whole process, start and model loading included. Largest probability gap between the outputs {batch.ProbabilityGap:E1}; decisions agreeing on {batch.DecisionsAgreeing:N0} of {batch.Rows:N0} rows. Target: ≥ {BatchBench.RowsPerSecondTarget:N0} rows/s with flat memory (issue 9), ratio ≤ 1."));
        line("");
        line("| side | rows/s | seconds | peak MiB | CPU s |");
        line("|---|---|---|---|---|");
        Side("ours", batch.OurRowsPerSecond, batch.Ours, line);
        Side("peer", batch.PeerRowsPerSecond, batch.Peer, line);
        line(F($"| ratio ours / peer (time) | | {batch.Ratio:F2} | {Spread.Of(batch.Ours.Select(p => p.PeakMiB)).Median / Spread.Of(batch.Peer.Select(p => p.PeakMiB)).Median:F2} | |"));
        line("");
        line($"Target: {(batch.Met ? "met" : "**missed**")}.");
        line("");
        if (!batch.Met)
        {
            misses.Add(F($"batch scoring: {batch.OurRowsPerSecond.Median:N0} rows/s, {batch.Ratio:F2}× the peer's time"));
        }

        static void Side(string name, Spread rate, IReadOnlyList<MeasuredProcess> runs, Action<string> line) => line(F(
            $"| {name} | {rate.Format("N0")} | {Spread.Of(runs.Select(p => p.WallSeconds)).Format("F2")} | {Spread.Of(runs.Select(p => p.PeakMiB)).Format("F0")} | {Spread.Of(runs.Select(p => p.CpuSeconds)).Format("F2")} |"));
    }

    private static void Serve(ServeFigures serve, Action<string> line, List<string> misses)
    {
        line($"## Prediction serving, {serve.Layout.Key}: `POST /api/predict`, one patient, 32 connections");
        line("");
        line($"Layout: {serve.Layout.Description}. Ours: {ServeBench.OursDescription}. Peer: {ServeBench.PeerDescription(serve.Layout)}. Driver: {ServeBench.Driver(serve.Ours.Runs.Count, serve.Layout)}. Both answered the {serve.Patients} held-out patients first: largest probability gap {serve.ProbabilityGap.ToString("E1", CultureInfo.InvariantCulture)}, decisions agreeing {serve.Agreeing}/{serve.Patients}. Peak memory: VmHWM while serving, summed over gunicorn's master and workers. Target: ≥ {ServeFigures.RatioTarget}× the peer's requests/s and p99 ≤ {ServeFigures.P99TargetMs} ms (issues 9 and 10).");
        line("");
        line("| side | requests/s | p50 ms | p99 ms | server CPU ms/request | failed responses | peak MiB |");
        line("|---|---|---|---|---|---|---|");
        foreach (var (name, side, peak) in new[] { ("ours", serve.Ours, F($"{serve.Ours.PeakMiB:F0}")), ("peer", serve.Peer, F($"{serve.Peer.PeakMiB:F0}")), ("ours, `GET /health` (ceiling)", serve.Ceiling, "same process") })
        {
            line(F($"| {name} | {side.RequestsPerSecond.Format("F0")} | {side.P50Ms.Format("F2")} | {side.P99Ms.Format("F2")} | {side.Cpu.Format("F3")} | {side.Failures} | {peak} |"));
        }

        line(F($"| ratio ours / peer | {serve.Ratio:F1}× | {serve.Ours.P50Ms.Median / serve.Peer.P50Ms.Median:F2} | {serve.Ours.P99Ms.Median / serve.Peer.P99Ms.Median:F2} | {serve.Ours.Cpu.Median / serve.Peer.Cpu.Median:F2} | | {serve.Ours.PeakMiB / serve.Peer.PeakMiB:F2} |"));
        line("");
        line(F($"The ceiling is our server answering `GET /health` in the same runs (the same Kestrel, middleware and rate limiter, wrk placed alike, but no body to read, no model and nothing stored): {serve.CeilingRatio:F1}× the peer's requests/s, p99 {serve.Ceiling.P99Ms.Median:F1} ms. No work per prediction can make `POST /api/predict` faster than that."));
        line("");
        line($"Target: {(serve.Met ? "met" : "**missed**")}.");
        line("");
        if (!serve.Met)
        {
            misses.Add(F($"prediction serving, {serve.Layout.Key}: {serve.Ratio:F1}× the peer's requests/s (≥ {ServeFigures.RatioTarget}× asked), p99 {serve.Ours.P99Ms.Median:F1} ms (≤ {ServeFigures.P99TargetMs} ms asked)"));
        }
    }

    private static void Dashboard(IReadOnlyList<DashboardFigures> rows, Action<string> line, List<string> misses)
    {
        line("## Monitoring dashboard loads: `GET /dashboard`, then `GET /api/monitoring/charts`");
        line("");
        line(F($"Ours alone (the peer has no dashboard). {DashboardBench.Description} Target: every median under {DashboardBench.TargetMs:F0} ms at both sizes (issue 25)."));
        line("");
        foreach (var row in DashboardBench.Table(rows))
        {
            line(row);
        }

        line("");
        line($"Target: {(rows.All(r => r.Met) ? "met" : "**missed**")}.");
        line("");
        foreach (var row in rows.Where(r => !r.Met))
        {
            misses.Add(F($"dashboard loads at {row.Predictions:N0} stored predictions: cold {row.ColdMs.Median:F1} ms, warm {row.WarmMs.Median:F1} ms, after a prediction {row.AfterPredictionMs.Median:F1} ms (under {DashboardBench.TargetMs:F0} ms asked)"));
        }
    }

    private static void Study(StudyFigures study, Action<string> line, List<string> misses)
    {
        var (ours, peer) = (Spread.Of(study.Ours.Select(p => p.WallSeconds)), Spread.Of(study.Peer.Select(p => p.WallSeconds)));
        line("## The whole study");
        line("");
        line(F($"Ours: every notebook of `notebooks/` run headless by the runner (`Workbook run`, Release), charts and HTML exports included. Peer: `bench/peer/study.py`, the scikit-learn equivalent of the notebooks' computations (what it mirrors and omits is in its docstring; it draws no charts and exports nothing). Every run is a fresh process (the JIT and Python's imports in every figure), after the build. Target: under {StudyComparison.TargetSeconds:F0} s warm, ratio ≤ 1, and no code cell over {StudyComparison.CellTargetSeconds:F0} s (issue 26)."));
        line("");
        line("| side | seconds | peak MiB | CPU s | deployed model | held-out accuracy | held-out ROC AUC |");
        line("|---|---|---|---|---|---|---|");
        line(F($"| ours | {ours.Format("F1")} | {Spread.Of(study.Ours.Select(p => p.PeakMiB)).Format("F0")} | {Spread.Of(study.Ours.Select(p => p.CpuSeconds)).Format("F1")} | {study.OurHeldOut.Model} | {study.OurHeldOut.Accuracy:F4} | {study.OurHeldOut.RocAuc:F4} |"));
        line(F($"| peer | {peer.Format("F1")} | {Spread.Of(study.Peer.Select(p => p.PeakMiB)).Format("F0")} | {Spread.Of(study.Peer.Select(p => p.CpuSeconds)).Format("F1")} | {study.PeerHeldOut.Model} | {study.PeerHeldOut.Accuracy:F4} | {study.PeerHeldOut.RocAuc:F4} |"));
        line(F($"| ratio ours / peer | {study.Ratio:F2} | | | | | |"));
        line("");
        var count = study.Ours.Count < 5 ? F($" **{study.Ours.Count} run{(study.Ours.Count == 1 ? "" : "s")} per side only** (fewer than the 5 a report needs: `--study-runs`)") : "";
        line($"Target: {(study.Met ? "met" : "**missed**")}.{count} Seconds per notebook (each side's own report):");
        line("");
        line("| notebook | ours s | peer s | ratio |");
        line("|---|---|---|---|");
        foreach (var name in study.OurSteps.Concat(study.PeerSteps).SelectMany(s => s.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var (a, b) = (Steps(study.OurSteps, name), Steps(study.PeerSteps, name));
            line(F($"| {name} | {a?.Format("F1") ?? ""} | {b?.Format("F1") ?? ""} | {(a is not null && b is not null ? (a.Median / b.Median).ToString("F2", CultureInfo.InvariantCulture) : "")} |"));
        }

        line("");
        var (cells, over) = (study.Cells, study.CellsOverTarget);
        line(F($"Code cells over {StudyComparison.CellTargetSeconds:F0} s (median over our runs): **{over.Count}** of {cells.Count}. Our {Math.Min(StudyCellTable.Listed, cells.Count)} slowest code cells, median seconds over the runs (from the Jupyter `execution` metadata the runner writes in each executed notebook; cells numbered from 1 counting every cell, as the runner's progress and `index.html` number them):"));
        line("");
        foreach (var row in StudyCellTable.Slowest([("ours s", cells)]))
        {
            line(row);
        }

        line("");
        if (!study.TimeMet)
        {
            misses.Add(F($"the whole study: {ours.Median:F0} s (under {StudyComparison.TargetSeconds:F0} s asked), {study.Ratio:F2}× the peer's time"));
        }

        if (over.Count > 0)
        {
            misses.Add(F($"the whole study's code cells over {StudyComparison.CellTargetSeconds:F0} s (none asked): {string.Join(", ", over.Select(StudyCellTable.Describe))}"));
        }

        static Spread? Steps(IReadOnlyList<IReadOnlyDictionary<string, double>> runs, string name) =>
            runs.All(r => r.ContainsKey(name)) ? Spread.Of(runs.Select(r => r[name])) : null;
    }

    /// <summary>A quality gap to four decimals, or to two significant digits when four decimals would show 0.0000.</summary>
    private static string Gap(double gap) => gap.ToString(gap >= 0.00005 ? "F4" : "0.0E+0", CultureInfo.InvariantCulture);

    private static string Ratio(double? ratio) => ratio is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "";

    private static string Q(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
