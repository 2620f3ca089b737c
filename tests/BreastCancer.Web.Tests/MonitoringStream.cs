using System.Net;
using BreastCancer.Analysis.Data;
using BreastCancer.Analysis.Monitoring;

namespace BreastCancer.Web.Tests;

/// <summary>A stream of patients sent to the app in batches, with their confirmed diagnoses reported after each batch, as a clinic would.</summary>
internal static class MonitoringStream
{
    /// <summary>The API key the streams' apps are configured with.</summary>
    public const string Key = "test-key-0123456789";

    /// <summary>The row as a scanner reading lengths 15 % high measures it (the library's <c>SizeCalibrationShift</c>, tested on its own).</summary>
    public static double[] Inflated(double[] row) => SizeCalibrationShift.Apply([row], FeatureCatalog.WdbcFeatures, 1.15)[0];

    /// <summary>Sends <paramref name="rows"/> in batches of <paramref name="batch"/> and reports <paramref name="malignant"/> for each; returns each prediction's probability and decision.</summary>
    public static async Task<List<(double Probability, bool Biopsy)>> SendAsync(HttpClient client, IReadOnlyList<double[]> rows, IReadOnlyList<bool> malignant, int batch = 20)
    {
        var answers = new List<(double, bool)>();
        for (var start = 0; start < rows.Count; start += batch)
        {
            var chunk = rows.Skip(start).Take(batch).ToArray();
            var response = await client.PostAsync("/api/predict", Patients.Json(Patients.Batch(chunk)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var predictions = (await Patients.ReadJsonAsync(response)).GetProperty("predictions").EnumerateArray().ToArray();
            for (var i = 0; i < predictions.Length; i++)
            {
                var id = predictions[i].GetProperty("predictionId").GetString();
                var outcome = await Patients.PostAsync(client, "/api/outcomes", $$"""{"predictionId":"{{id}}","malignant":{{(malignant[start + i] ? "true" : "false")}}}""", Key);
                Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
                answers.Add((predictions[i].GetProperty("probability").GetDouble(), predictions[i].GetProperty("biopsyRecommended").GetBoolean()));
            }
        }

        return answers;
    }
}
