using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BreastCancer.Analysis.Deployment;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.WebApp.Client;

/// <summary>
/// A client of the web app's JSON API (<c>app/BreastCancer.Web</c>), reading its answers into the library's records:
/// predictions, outcomes, drift (<see cref="DriftReport"/>), live performance (<see cref="LivePerformance"/>), the
/// monitoring timelines (<see cref="MonitoringTimeline"/>), the model card, promotion and rollback. A refused request
/// throws a <see cref="WebAppException"/> carrying the app's problem details.
/// </summary>
public sealed class WebAppClient : IDisposable
{
    /// <summary>The most patients sent in one request: 50 patients' JSON (about 35 KB) fits the app's default body limit of 64 KiB (<c>Prediction:MaxBodyBytes</c>).</summary>
    public const int BatchSize = 50;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, Converters = { new JsonStringEnumConverter() } };
    private readonly HttpClient _http;
    private readonly string _apiKey;

    /// <summary>A client of the app at <paramref name="address"/>, sending <paramref name="apiKey"/> to the write endpoints.</summary>
    public WebAppClient(Uri address, string apiKey)
        : this(new HttpClient { BaseAddress = address ?? throw new ArgumentNullException(nameof(address)), Timeout = TimeSpan.FromMinutes(5) }, apiKey)
    {
    }

    /// <summary>A client sending through <paramref name="http"/> (whose base address is the app's), which it disposes.</summary>
    public WebAppClient(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(apiKey);
        _http = http;
        _apiKey = apiKey;
    }

    /// <summary>
    /// Predicts every row of <paramref name="rows"/> (values of <paramref name="features"/>, in the data's units), in
    /// requests of at most <see cref="BatchSize"/> patients, and returns the answers in order. <paramref name="cases"/>,
    /// when given, names each row's case (the tumour's pseudonymous case number, null for none): rows of one tumour
    /// measured more than once share it, and a retrain's comparison keeps them together.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="cases"/> does not have one entry per row.</exception>
    /// <exception cref="WebAppException">The app refused a batch (the message names the bad fields and the batch's first row).</exception>
    public async Task<IReadOnlyList<ServedPrediction>> PredictAsync(IReadOnlyList<double[]> rows, IReadOnlyList<string> features, IReadOnlyList<string?>? cases = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(features);
        if (cases is not null && cases.Count != rows.Count)
        {
            throw new ArgumentException($"{cases.Count} cases for {rows.Count} rows: give one case (or null) per row", nameof(cases));
        }

        var answers = new List<ServedPrediction>(rows.Count);
        for (var start = 0; start < rows.Count; start += BatchSize)
        {
            var patients = new JsonArray();
            for (var r = start; r < Math.Min(rows.Count, start + BatchSize); r++)
            {
                var values = new JsonObject();
                for (var f = 0; f < features.Count; f++)
                {
                    values[features[f]] = rows[r][f];
                }

                patients.Add(cases?[r] is { } caseNumber ? new JsonObject { ["features"] = values, ["case"] = caseNumber } : new JsonObject { ["features"] = values });
            }

            var body = await SendAsync(HttpMethod.Post, "api/predict", new JsonObject { ["patients"] = patients }, write: false,
                $"rows {start + 1}–{Math.Min(rows.Count, start + BatchSize)}", cancellationToken);
            answers.AddRange(body.GetProperty("predictions").Deserialize<ServedPrediction[]>(Json)!);
        }

        return answers;
    }

    /// <summary>Reports the confirmed diagnosis <paramref name="malignant"/>[i] (true = malignant) of each prediction.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    /// <exception cref="WebAppException">The app refused an outcome (unknown id, the other diagnosis already reported, wrong key); the same diagnosis reported again is accepted and changes nothing.</exception>
    public async Task RecordOutcomesAsync(IReadOnlyList<ServedPrediction> predictions, IReadOnlyList<bool> malignant, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(malignant);
        if (predictions.Count != malignant.Count)
        {
            throw new ArgumentException($"{predictions.Count} predictions and {malignant.Count} diagnoses: one diagnosis per prediction", nameof(malignant));
        }

        for (var i = 0; i < predictions.Count; i++)
        {
            await SendAsync(HttpMethod.Post, "api/outcomes", new JsonObject { ["predictionId"] = predictions[i].PredictionId.ToString(), ["malignant"] = malignant[i] },
                write: true, $"outcome {i + 1}", cancellationToken);
        }
    }

    /// <summary>The drift of the latest window, or null while the app has made fewer predictions than a check needs.</summary>
    public async Task<DriftReport?> DriftAsync(CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Get, "api/monitoring/drift", null, write: false, "drift", cancellationToken);
        return body.GetProperty("report").Deserialize<DriftReport?>(Json);
    }

    /// <summary>Live performance over the latest window of confirmed outcomes.</summary>
    public async Task<LivePerformance> PerformanceAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Get, "api/monitoring/performance", null, write: false, "performance", cancellationToken)).Deserialize<LivePerformance>(Json)!;

    /// <summary>Drift and live performance along the stream, with the points where another model version took over.</summary>
    public async Task<MonitoringTimeline> TimelineAsync(CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Get, "api/monitoring/timeline", null, write: false, "timeline", cancellationToken)).Deserialize<MonitoringTimeline>(Json)!;

    /// <summary>The card of the model served.</summary>
    public async Task<ModelCard> ModelAsync(CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Get, "api/model", null, write: false, "model card", cancellationToken);
        return ModelCard.FromJson(body.GetRawText(), new Uri(_http.BaseAddress!, "api/model").AbsoluteUri);
    }

    /// <summary>
    /// Retrains: a challenger on the served model's training rows plus the confirmed outcomes, compared with it on
    /// identical folds of those outcomes, saved as a new version, and promoted (served from now on) when
    /// <paramref name="promote"/> is true and the app's criteria pass.
    /// </summary>
    /// <exception cref="WebAppException">Too few outcomes of a class to compare (422, the message says how many are needed), a retrain already running (409), or a wrong key.</exception>
    public async Task<RetrainReport> RetrainAsync(bool promote = true, CancellationToken cancellationToken = default) =>
        (await SendAsync(HttpMethod.Post, "api/models/retrain", new JsonObject { ["promote"] = promote }, write: true, "retrain", cancellationToken)).Deserialize<RetrainReport>(Json)!;

    /// <summary>Serves <paramref name="version"/> from now on; returns the version it replaced (<paramref name="version"/> itself when it was already served, which changes nothing).</summary>
    public async Task<string> PromoteAsync(string version, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        var body = await SendAsync(HttpMethod.Post, "api/models/promote", new JsonObject { ["version"] = version }, write: true, $"promote {version}", cancellationToken);
        return body.GetProperty("previous").GetString()!;
    }

    /// <summary>Serves again the version the last promotion replaced; returns it.</summary>
    public async Task<string> RollbackAsync(CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(HttpMethod.Post, "api/models/rollback", new JsonObject(), write: true, "rollback", cancellationToken);
        return body.GetProperty("current").GetString()!;
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, JsonNode? body, bool write, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(Json), Encoding.UTF8, "application/json");
        }

        if (write)
        {
            request.Headers.Add("X-Api-Key", _apiKey);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new WebAppException($"{method} /{path} ({what}): no answer from {_http.BaseAddress}: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new WebAppException($"{method} /{path} ({what}) was refused: {(int)response.StatusCode} {Problem(text)}", (int)response.StatusCode);
            }

            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
    }

    private static string Problem(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            var parts = new List<string>();
            foreach (var name in new[] { "title", "detail" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    parts.Add(value.GetString()!);
                }
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                parts.AddRange(errors.EnumerateObject().Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Name}: {string.Join("; ", e.Value.EnumerateArray().Select(m => m.GetString()))}")));
            }

            return string.Join(" — ", parts);
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
