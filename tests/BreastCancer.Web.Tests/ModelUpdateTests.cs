using System.Net;
using BreastCancer.Analysis.Deployment;

namespace BreastCancer.Web.Tests;

[Collection(TrainedModelGroup.Name)]
public sealed class ModelUpdateTests(TrainedModel model) : IDisposable
{
    private const string Key = "update-key-0123456789";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-updates-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_saved_version_is_promoted_with_the_key_served_without_a_restart_promoted_again_as_a_no_op_and_rolled_back_once()
    {
        var (first, second) = ModelVersionsFolder.Create(model, _folder);
        using var app = new WebApp(_folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await Patients.PostAsync(client, "/api/models/promote", $$"""{"version":"{{second.Version}}"}""", key: null)).StatusCode);
        var unknown = await Patients.PostAsync(client, "/api/models/promote", """{"version":"no-such-version"}""", Key);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var detail = (await Patients.ReadJsonAsync(unknown)).GetProperty("detail").GetString()!;
        Assert.StartsWith("Version no-such-version (", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_folder, detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Path.GetTempPath(), detail, StringComparison.Ordinal);
        var traversal = await Patients.PostAsync(client, "/api/models/promote", """{"version":"../elsewhere"}""", Key);
        Assert.Equal(HttpStatusCode.BadRequest, traversal.StatusCode);
        Assert.Contains("without '/', '\\' or '..'", Assert.Single((await Patients.ErrorsAsync(traversal))["version"]), StringComparison.Ordinal);
        Assert.Contains("is required", Assert.Single((await Patients.ErrorsAsync(await Patients.PostAsync(client, "/api/models/promote", "{}", Key)))["version"]), StringComparison.Ordinal);
        using (var plain = new HttpRequestMessage(HttpMethod.Post, "/api/models/promote") { Content = new StringContent($$"""{"version":"{{second.Version}}"}""", System.Text.Encoding.UTF8, "text/plain") })
        {
            plain.Headers.Add("X-Api-Key", Key);
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.SendAsync(plain)).StatusCode);
        }

        var promoted = await Patients.ReadJsonAsync(await Patients.PostAsync(client, "/api/models/promote", $$"""{"version":"{{second.Version}}"}""", Key));
        var again = await Patients.ReadJsonAsync(await Patients.PostAsync(client, "/api/models/promote", $$"""{"version":"{{second.Version}}"}""", Key));

        Assert.Equal(first.Version, promoted.GetProperty("previous").GetString());
        Assert.Equal(second.Version, again.GetProperty("previous").GetString());
        Assert.Equal(second.Version, await ServedVersionAsync(client));
        Assert.Equal(second.Version, File.ReadAllText(Path.Combine(_folder, ModelStore.CurrentFile)).Trim());
        var list = await Patients.ReadJsonAsync(await client.GetAsync("/api/models"));
        Assert.Equal(new[] { first.Version, second.Version }.Order(StringComparer.Ordinal), list.GetProperty("versions").EnumerateArray().Select(v => v.GetString()!));
        var row = model.Wdbc.Subset(model.Split.Test).Row(0);
        var answer = await Patients.ReadJsonAsync(await client.PostAsync("/api/predict", Patients.Json(Patients.One(row))));
        Assert.Equal(second.Version, answer.GetProperty("modelVersion").GetString());
        Assert.Equal(second.PredictProbability([row])[0], answer.GetProperty("probability").GetDouble(), 12);

        Assert.Equal(HttpStatusCode.OK, (await Patients.PostAsync(client, "/api/models/rollback", "", Key)).StatusCode);
        Assert.Equal(first.Version, await ServedVersionAsync(client));
        Assert.Equal(first.Version, File.ReadAllText(Path.Combine(_folder, ModelStore.CurrentFile)).Trim());
        Assert.Equal(HttpStatusCode.Conflict, (await Patients.PostAsync(client, "/api/models/rollback", "", Key)).StatusCode);
    }

    [Fact]
    public async Task Swapping_models_back_and_forth_under_concurrent_requests_fails_none_and_each_answer_is_its_versions()
    {
        var (first, second) = ModelVersionsFolder.Create(model, _folder);
        var models = new Dictionary<string, SavedModel> { [first.Version] = first, [second.Version] = second };
        using var app = new WebApp(_folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var rows = model.Wdbc.Subset(model.Split.Test).ToArray();
        var swapper = app.CreateClient();

        var clients = Enumerable.Range(0, 4).Select(async c =>
        {
            var client = app.CreateClient();
            var answers = new List<(HttpStatusCode Status, string? Version, double Probability, double[] Row)>();
            for (var i = 0; i < 30; i++)
            {
                var row = rows[((c * 30) + i) % rows.Length];
                var response = await client.PostAsync("/api/predict", Patients.Json(Patients.One(row)));
                var body = response.IsSuccessStatusCode ? await Patients.ReadJsonAsync(response) : default;
                answers.Add((response.StatusCode, body.ValueKind == System.Text.Json.JsonValueKind.Object ? body.GetProperty("modelVersion").GetString() : null,
                    body.ValueKind == System.Text.Json.JsonValueKind.Object ? body.GetProperty("probability").GetDouble() : double.NaN, row));
            }

            return answers;
        }).ToArray();
        var swaps = Task.Run(async () =>
        {
            for (var s = 0; s < 6; s++)
            {
                Assert.Equal(HttpStatusCode.OK, (await Patients.PostAsync(swapper, "/api/models/promote", $$"""{"version":"{{second.Version}}"}""", Key)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await Patients.PostAsync(swapper, "/api/models/rollback", "", Key)).StatusCode);
            }
        });
        await swaps;
        var answers = (await Task.WhenAll(clients)).SelectMany(a => a).ToArray();

        Assert.Equal(120, answers.Length);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(models[a.Version!].PredictProbability([a.Row])[0], a.Probability, 12));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static async Task<string?> ServedVersionAsync(HttpClient client) =>
        (await Patients.ReadJsonAsync(await client.GetAsync("/health"))).GetProperty("modelVersion").GetString();
}
