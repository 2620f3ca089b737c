using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Web.Models;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The OpenAPI document describes the API a client has to call: a client that reads only the document (paths, methods,
/// the API key's header, the example bodies, the schemas) gets the answers it describes, every client error it lists is
/// one the app gives, and the key is required by exactly the operations that refuse a request without it.
/// </summary>
[Collection(TrainedModelGroup.Name)]
public sealed class OpenApiContractTests(TrainedModel model) : IDisposable
{
    private const string Key = "openapi-key-0123456789";

    /// <summary>Documented statuses no request in memory can cause: 408 needs the real server's minimum data rate, which <see cref="ClientErrorTests"/> meets with a stalled body.</summary>
    private static readonly int[] NeedsTheRealServer = [(int)HttpStatusCode.RequestTimeout];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"bc-web-openapi-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_served_document_is_OpenAPI_3_1_and_is_saved_where_the_linter_reads_it()
    {
        var document = await ServedDocument.ReadAsync(model.App.CreateClient());

        Assert.StartsWith("3.1.", document.Root.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var file = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "artifacts", "openapi", "v1.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, document.Text);
    }

    [Fact]
    public async Task Every_operation_is_named_and_summarised_and_needs_the_key_in_the_documented_header_exactly_when_the_app_refuses_it_without_one()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        var document = await ServedDocument.ReadAsync(client);

        Assert.Equal(("/api/predict", HttpMethod.Post), Endpoint(document, "predict"));
        Assert.Equal(("/api/outcomes", HttpMethod.Post), Endpoint(document, "recordOutcome"));
        Assert.Equal(("/api/models/promote", HttpMethod.Post), Endpoint(document, "promoteModel"));
        var keyed = new List<string>();
        foreach (var (path, method, operation) in document.Operations)
        {
            var id = operation.GetProperty("operationId").GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), id);
            Assert.NotEmpty(operation.GetProperty("tags").EnumerateArray());
            var withoutKey = await client.SendAsync(document.Request(id, method == HttpMethod.Get ? null : new JsonArray(), key: null));
            var refused = withoutKey.StatusCode == HttpStatusCode.Unauthorized;
            Assert.True(document.RequiresKey(operation) == refused, $"{id}: documented as {(document.RequiresKey(operation) ? "" : "not ")}needing the key, answered {(int)withoutKey.StatusCode} without it");
            await document.AssertDocumentedAsync(operation, withoutKey);
            if (refused)
            {
                var withKey = await client.SendAsync(document.Request(id, new JsonArray(), Key));
                Assert.NotEqual(HttpStatusCode.Unauthorized, withKey.StatusCode);
                await document.AssertDocumentedAsync(operation, withKey);
                keyed.Add(id);
            }
        }

        Assert.Equal(["promoteModel", "recordOutcome", "retrainModel", "rollbackModel"], keyed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Each_client_error_documented_for_predict_recordOutcome_and_promoteModel_is_what_the_app_answers_a_request_made_to_cause_it()
    {
        using var app = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        using var limited = new WebApp(model.Folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key, ["RateLimit:PermitsPerMinute"] = "1" });
        var client = app.CreateClient();
        var unconfigured = model.App.CreateClient();
        var limitedClient = limited.CreateClient();
        var document = await ServedDocument.ReadAsync(client);
        var patient = ServedDocument.RequestExamples(document.Operation("predict").Operation)["onePatient"];
        var predicted = await client.SendAsync(document.Request("predict", patient, key: null));
        var id = (await Patients.ReadJsonAsync(predicted)).GetProperty("predictionId").GetString();
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(document.Request("recordOutcome", Outcome(id, malignant: true), Key))).StatusCode);

        var causes = new Dictionary<(string Operation, int Status), Func<Task<HttpResponseMessage>>>
        {
            [("predict", 400)] = () => client.SendAsync(document.Request("predict", With(patient, "features", "radius_mean", -1), key: null)),
            [("predict", 413)] = () => client.SendAsync(document.Request("predict", With(patient, "features", "padding", new string(' ', 300 * 1024)), key: null)),
            [("predict", 415)] = () => client.SendAsync(AsText(document.Request("predict", patient, key: null))),
            [("predict", 429)] = () => OverTheLimitAsync(limitedClient, document.Request("predict", patient, key: null)),
            [("recordOutcome", 400)] = () => client.SendAsync(document.Request("recordOutcome", new JsonObject { ["predictionId"] = id, ["malignant"] = "yes" }, Key)),
            [("recordOutcome", 401)] = () => client.SendAsync(document.Request("recordOutcome", Outcome(id, malignant: true), "wrong-key")),
            [("recordOutcome", 403)] = () => unconfigured.SendAsync(document.Request("recordOutcome", Outcome(id, malignant: true), Key)),
            [("recordOutcome", 404)] = () => client.SendAsync(document.Request("recordOutcome", Outcome(Guid.NewGuid().ToString(), malignant: true), Key)),
            [("recordOutcome", 409)] = () => client.SendAsync(document.Request("recordOutcome", Outcome(id, malignant: false), Key)),
            [("recordOutcome", 413)] = () => client.SendAsync(document.Request("recordOutcome", With(Outcome(id, malignant: true), null, "padding", new string(' ', 5 * 1024)), Key)),
            [("recordOutcome", 415)] = () => client.SendAsync(AsText(document.Request("recordOutcome", Outcome(id, malignant: true), Key))),
            [("recordOutcome", 429)] = () => OverTheLimitAsync(limitedClient, document.Request("recordOutcome", Outcome(id, malignant: true), Key)),
            [("promoteModel", 400)] = () => client.SendAsync(document.Request("promoteModel", new JsonObject(), Key)),
            [("promoteModel", 401)] = () => client.SendAsync(document.Request("promoteModel", Promotion(model.Saved.Version), key: null)),
            [("promoteModel", 403)] = () => unconfigured.SendAsync(document.Request("promoteModel", Promotion(model.Saved.Version), Key)),
            [("promoteModel", 404)] = () => client.SendAsync(document.Request("promoteModel", Promotion("no-such-version"), Key)),
            [("promoteModel", 413)] = () => client.SendAsync(document.Request("promoteModel", With(Promotion(model.Saved.Version), null, "padding", new string(' ', 5 * 1024)), Key)),
            [("promoteModel", 415)] = () => client.SendAsync(AsText(document.Request("promoteModel", Promotion(model.Saved.Version), Key))),
            [("promoteModel", 429)] = () => OverTheLimitAsync(limitedClient, document.Request("promoteModel", Promotion(model.Saved.Version), Key)),
        };

        foreach (var operationId in new[] { "predict", "recordOutcome", "promoteModel" })
        {
            var operation = document.Operation(operationId).Operation;
            var documented = ServedDocument.Statuses(operation).Where(s => s is >= 400 and < 500).Except(NeedsTheRealServer).Order();
            Assert.Equal(documented, causes.Keys.Where(k => k.Operation == operationId).Select(k => k.Status).Order());
            foreach (var status in documented)
            {
                var response = await causes[(operationId, status)]();
                Assert.True((int)response.StatusCode == status, $"{operationId}: a request made to cause {status} got {(int)response.StatusCode}");
                var problem = await document.AssertDocumentedAsync(operation, response);
                Assert.Equal(status, problem.GetProperty("status").GetInt32());
            }
        }
    }

    [Fact]
    public async Task Predict_recordOutcome_and_promoteModel_answer_requests_built_only_from_the_document_as_its_examples_say()
    {
        CopyModels(model.Folder, _folder);
        using var app = new WebApp(_folder, new Dictionary<string, string?> { ["Security:ApiKey"] = Key });
        var client = app.CreateClient();
        var document = await ServedDocument.ReadAsync(client);

        var predict = document.Operation("predict").Operation;
        var answers = ServedDocument.AnswerExamples(predict);
        Assert.Equal(["batch", "onePatient"], ServedDocument.RequestExamples(predict).Keys.Order(StringComparer.Ordinal));
        string? id = null;
        foreach (var (name, example) in ServedDocument.RequestExamples(predict))
        {
            var response = await client.SendAsync(document.Request("predict", example, key: null));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var answer = await document.AssertDocumentedAsync(predict, response);
            var predictions = answer.TryGetProperty("predictions", out var batch) ? batch.EnumerateArray().ToArray() : [answer];
            id ??= predictions[0].GetProperty("predictionId").GetString();
            Assert.True(JsonNode.DeepEquals(WithoutIds(answers[name]), WithoutIds(JsonNode.Parse(answer.GetRawText()))), $"the documented answer to {name} is not the app's");
        }

        var outcome = document.Operation("recordOutcome").Operation;
        var report = ServedDocument.RequestExamples(outcome).Values.Single();
        report["predictionId"] = id;
        var recorded = await client.SendAsync(document.Request("recordOutcome", report, Key));
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.True(JsonNode.DeepEquals(WithoutIds(ServedDocument.AnswerExamples(outcome).Values.Single()), WithoutIds(JsonNode.Parse((await document.AssertDocumentedAsync(outcome, recorded)).GetRawText()))));

        var promote = document.Operation("promoteModel").Operation;
        var promoted = await client.SendAsync(document.Request("promoteModel", ServedDocument.RequestExamples(promote).Values.Single(), Key));
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.True(JsonNode.DeepEquals(ServedDocument.AnswerExamples(promote).Values.Single(), JsonNode.Parse((await document.AssertDocumentedAsync(promote, promoted)).GetRawText())));
    }

    private static (string Path, HttpMethod Method) Endpoint(ServedDocument document, string operationId)
    {
        var (path, method, _) = document.Operation(operationId);
        return (path, method);
    }

    /// <summary>Sends <paramref name="request"/> by a client allowed one request a minute, after one other request.</summary>
    private static async Task<HttpResponseMessage> OverTheLimitAsync(HttpClient client, HttpRequestMessage request)
    {
        await client.GetAsync("/health");
        return await client.SendAsync(request);
    }

    private static JsonObject Outcome(string? id, bool malignant) => new() { ["predictionId"] = id, ["malignant"] = malignant };

    private static JsonObject Promotion(string version) => new() { ["version"] = version };

    /// <summary>A copy of <paramref name="body"/> with <paramref name="field"/> set to <paramref name="value"/>, inside its object <paramref name="parent"/> when given.</summary>
    private static JsonNode With(JsonNode body, string? parent, string field, JsonNode? value)
    {
        var copy = body.DeepClone();
        (parent is null ? copy : copy[parent]!)[field] = value;
        return copy;
    }

    private static HttpRequestMessage AsText(HttpRequestMessage request)
    {
        request.Content!.Headers.ContentType = new("text/plain");
        return request;
    }

    /// <summary><paramref name="node"/> without its <c>predictionId</c>s, which the app makes new for each prediction.</summary>
    private static JsonNode? WithoutIds(JsonNode? node)
    {
        var copy = node?.DeepClone();
        foreach (var prediction in copy?["predictions"]?.AsArray() ?? [copy])
        {
            prediction?.AsObject().Remove("predictionId");
        }

        return copy;
    }

    private static void CopyModels(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
