using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Analysis.Data;

namespace BreastCancer.Web.Tests;

/// <summary>Request bodies of patients, and reading the app's answers.</summary>
public static class Patients
{
    public static JsonObject Features(double[] row) =>
        new(FeatureCatalog.WdbcFeatures.Select((f, i) => KeyValuePair.Create(f, (JsonNode?)JsonValue.Create(row[i]))));

    public static JsonObject One(double[] row) => new() { ["features"] = Features(row) };

    public static JsonObject Batch(IEnumerable<double[]> rows) => new() { ["patients"] = new JsonArray([.. rows.Select(r => (JsonNode)One(r))]) };

    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    public static StringContent Json(JsonNode node) => Json(node.ToJsonString());

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();

    /// <summary>The field names of a problem details' errors object.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ErrorsAsync(HttpResponseMessage response)
    {
        var body = await ReadJsonAsync(response);
        return body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToArray());
    }

    /// <summary>POSTs <paramref name="body"/> as JSON to <paramref name="path"/>, with <paramref name="key"/> in the X-Api-Key header when given.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        return client.SendAsync(request);
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
