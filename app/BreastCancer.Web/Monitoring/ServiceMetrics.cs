using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace BreastCancer.Web.Monitoring;

/// <summary>
/// The counters behind <c>GET /metrics</c>, in the Prometheus text exposition format (version 0.0.4): requests by
/// route and status, a latency histogram of <c>POST /api/predict</c>, predictions by decision and outcomes recorded.
/// Counting is lock-free; each scrape reads a consistent-enough copy, as Prometheus clients do. The request counts are
/// copied with the dictionary's own <c>ToArray</c>, which holds its locks: LINQ over the live dictionary sizes an array
/// from its count and then copies, and throws when a route is first counted in between (dotnet/runtime#120794).
/// </summary>
public sealed class ServiceMetrics
{
    /// <summary>The upper bounds of the latency histogram's buckets, in seconds.</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

    private readonly ConcurrentDictionary<(string Route, int Status), long> _requests = new();
    private readonly long[] _latencyCounts = new long[LatencyBuckets.Count + 1];
    private long _latencyTicks;
    private long _biopsy;
    private long _noBiopsy;
    private long _outcomes;

    /// <summary>Counts a request to <paramref name="route"/> answered with <paramref name="status"/>; a prediction request's duration also goes into the histogram.</summary>
    public void Request(string route, int status, TimeSpan duration, bool isPrediction)
    {
        _requests.AddOrUpdate((route, status), 1, (_, n) => n + 1);
        if (isPrediction)
        {
            var seconds = duration.TotalSeconds;
            var bucket = 0;
            while (bucket < LatencyBuckets.Count && seconds > LatencyBuckets[bucket])
            {
                bucket++;
            }

            Interlocked.Increment(ref _latencyCounts[bucket]);
            Interlocked.Add(ref _latencyTicks, duration.Ticks);
        }
    }

    /// <summary>Counts predictions made, by decision.</summary>
    public void Predictions(int biopsy, int noBiopsy)
    {
        Interlocked.Add(ref _biopsy, biopsy);
        Interlocked.Add(ref _noBiopsy, noBiopsy);
    }

    /// <summary>Counts an outcome recorded.</summary>
    public void Outcome() => Interlocked.Increment(ref _outcomes);

    /// <summary>
    /// The metrics as Prometheus text: <c>bc_ready</c> (1 once the app serves a model, as <c>GET /health</c> answers 200,
    /// else 0: starting, or failed), then the counters, then <paramref name="drift"/>'s gauges when the app serves a
    /// model (null while it does not) and a drift check could run.
    /// </summary>
    public string Render(DriftStatus? drift)
    {
        var text = new StringBuilder();
        Family(text, "bc_ready", "gauge", "1 when the app serves a model (GET /health answers 200), 0 while it starts or when its first model could not be made.");
        Line(text, "bc_ready", drift is null ? 0 : 1);
        Family(text, "bc_http_requests_total", "counter", "HTTP requests by route and status.");
        foreach (var ((route, status), count) in _requests.ToArray().OrderBy(r => r.Key.Route, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
        {
            Line(text, $"bc_http_requests_total{{route=\"{Escape(route)}\",status=\"{status}\"}}", count);
        }

        Family(text, "bc_predict_duration_seconds", "histogram", "Duration of POST /api/predict requests, in seconds.");
        long cumulative = 0;
        for (var b = 0; b <= LatencyBuckets.Count; b++)
        {
            cumulative += Interlocked.Read(ref _latencyCounts[b]);
            var bound = b < LatencyBuckets.Count ? LatencyBuckets[b].ToString(CultureInfo.InvariantCulture) : "+Inf";
            Line(text, $"bc_predict_duration_seconds_bucket{{le=\"{bound}\"}}", cumulative);
        }

        Line(text, "bc_predict_duration_seconds_sum", TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks)).TotalSeconds);
        Line(text, "bc_predict_duration_seconds_count", cumulative);
        Family(text, "bc_predictions_total", "counter", "Predictions made, by decision at the model card's threshold.");
        Line(text, "bc_predictions_total{decision=\"biopsy\"}", Interlocked.Read(ref _biopsy));
        Line(text, "bc_predictions_total{decision=\"no_biopsy\"}", Interlocked.Read(ref _noBiopsy));
        Family(text, "bc_outcomes_total", "counter", "Confirmed diagnoses recorded.");
        Line(text, "bc_outcomes_total", Interlocked.Read(ref _outcomes));
        if (drift is null)
        {
            return text.ToString();
        }

        Family(text, "bc_drift_window_rows", "gauge", "Predictions in the drift window.");
        Line(text, "bc_drift_window_rows", drift.WindowRows);
        if (drift.Report is { } report)
        {
            Family(text, "bc_drift_detected", "gauge", "1 when a feature or the predicted malignancy rate has drifted, else 0.");
            Line(text, "bc_drift_detected", report.Drifted ? 1 : 0);
            Family(text, "bc_drift_feature_psi", "gauge", "Population stability index of each feature in the window against the training rows.");
            foreach (var feature in report.Features)
            {
                Line(text, $"bc_drift_feature_psi{{feature=\"{Escape(feature.Feature)}\"}}", feature.Psi);
            }

            Family(text, "bc_predicted_malignancy_rate", "gauge", "Share of the window's predictions at or above the threshold.");
            Line(text, "bc_predicted_malignancy_rate", report.PredictionRate.WindowRate);
        }

        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n').Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Line(StringBuilder text, string series, double value) =>
        text.Append(series).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
