using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BreastCancer.Web.Tests;

/// <summary>
/// The app's OpenAPI document as a client reads it: operations by operationId, the API key's scheme, request examples,
/// and a check that a JSON answer conforms to a documented schema (the keywords the document uses: <c>$ref</c>,
/// <c>type</c>, <c>required</c>, <c>properties</c>, <c>additionalProperties</c>, <c>items</c>, <c>enum</c>, <c>oneOf</c>, <c>anyOf</c>).
/// </summary>
internal sealed class ServedDocument(JsonElement root, string text)
{
    public const string Path = "/openapi/v1.json";

    public JsonElement Root { get; } = root;

    /// <summary>The document as served.</summary>
    public string Text { get; } = text;

    public static async Task<ServedDocument> ReadAsync(HttpClient client)
    {
        var response = await client.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        return new ServedDocument(JsonDocument.Parse(text).RootElement.Clone(), text);
    }

    /// <summary>Every operation: its path, HTTP method and the operation object.</summary>
    public IEnumerable<(string Path, HttpMethod Method, JsonElement Operation)> Operations =>
        Root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject().Select(op => (path.Name, new HttpMethod(op.Name.ToUpperInvariant()), op.Value)));

    public (string Path, HttpMethod Method, JsonElement Operation) Operation(string operationId) =>
        Assert.Single(Operations, o => o.Operation.TryGetProperty("operationId", out var id) && id.GetString() == operationId);

    /// <summary>The name of the API key's scheme and the header that carries the key.</summary>
    public (string Scheme, string Header) ApiKey
    {
        get
        {
            var scheme = Assert.Single(Root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject(), s => s.Value.GetProperty("type").GetString() == "apiKey");
            Assert.Equal("header", scheme.Value.GetProperty("in").GetString());
            return (scheme.Name, scheme.Value.GetProperty("name").GetString()!);
        }
    }

    /// <summary>Whether the operation's security requirements name the API key's scheme.</summary>
    public bool RequiresKey(JsonElement operation) =>
        operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(requirement => requirement.TryGetProperty(ApiKey.Scheme, out _));

    /// <summary>The statuses the operation documents.</summary>
    public static IReadOnlyList<int> Statuses(JsonElement operation) => [.. operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>The documented response of <paramref name="status"/>.</summary>
    public static JsonElement Response(JsonElement operation, int status) => operation.GetProperty("responses").GetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The request body's examples, by name, as JSON.</summary>
    public static IReadOnlyDictionary<string, JsonNode> RequestExamples(JsonElement operation) => Examples(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json"));

    /// <summary>The 200 answer's examples, by name, as JSON.</summary>
    public static IReadOnlyDictionary<string, JsonNode> AnswerExamples(JsonElement operation) => Examples(Response(operation, 200).GetProperty("content").GetProperty("application/json"));

    /// <summary>A request to the operation with <paramref name="body"/> as its JSON body, and the key in the scheme's header when given.</summary>
    public HttpRequestMessage Request(string operationId, JsonNode? body, string? key)
    {
        var (path, method, _) = Operation(operationId);
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.Add(ApiKey.Header, key);
        }

        return request;
    }

    /// <summary>
    /// Asserts that <paramref name="response"/> is a documented answer of the operation: its status is listed, with the
    /// media type given and the headers given, and a JSON body conforms to the schema given; returns that body.
    /// </summary>
    public async Task<JsonElement> AssertDocumentedAsync(JsonElement operation, HttpResponseMessage response)
    {
        var documented = Response(operation, (int)response.StatusCode);
        var (mediaType, content) = Assert.Single(documented.GetProperty("content").EnumerateObject().Select(c => (c.Name, c.Value)));
        Assert.Equal(mediaType.Split(';')[0], response.Content.Headers.ContentType?.MediaType);
        if (documented.TryGetProperty("headers", out var headers))
        {
            Assert.All(headers.EnumerateObject(), header => Assert.True(response.Headers.Contains(header.Name), $"{(int)response.StatusCode} has no {header.Name} header"));
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            return default;
        }

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.Empty(Problems(body, content.GetProperty("schema"), "$"));
        return body;
    }

    /// <summary>Where <paramref name="value"/> does not conform to <paramref name="schema"/>, each as a JSON path and the reason.</summary>
    public IReadOnlyList<string> Problems(JsonElement value, JsonElement schema, string at)
    {
        schema = Resolve(schema);
        var problems = new List<string>();
        if (schema.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Count(s => Problems(value, s, at).Count == 0) != 1)
        {
            problems.Add($"{at}: matches not exactly one of oneOf");
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) && !anyOf.EnumerateArray().Any(s => Problems(value, s, at).Count == 0))
        {
            problems.Add($"{at}: matches none of anyOf");
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            problems.Add($"{at}: {value} is not one of {values}");
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToArray() : [type.GetString()!];
            if (!types.Any(t => HasType(value, t)))
            {
                problems.Add($"{at}: {value.ValueKind} is not {string.Join(" or ", types)}");
                return problems;
            }
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            var properties = schema.TryGetProperty("properties", out var declared) ? declared : default;
            if (schema.TryGetProperty("required", out var required))
            {
                problems.AddRange(required.EnumerateArray().Select(r => r.GetString()!).Where(r => !value.TryGetProperty(r, out _)).Select(r => $"{at}: no {r}"));
            }

            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                {
                    problems.AddRange(Problems(property.Value, propertySchema, $"{at}.{property.Name}"));
                }
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    problems.AddRange(additional.ValueKind == JsonValueKind.False ? [$"{at}: {property.Name} is not declared"]
                        : additional.ValueKind == JsonValueKind.Object ? Problems(property.Value, additional, $"{at}.{property.Name}") : []);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            problems.AddRange(value.EnumerateArray().SelectMany((item, i) => Problems(item, items, $"{at}[{i}]")));
        }

        return problems;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            const string Prefix = "#/components/schemas/";
            Assert.StartsWith(Prefix, reference.GetString(), StringComparison.Ordinal);
            schema = Root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()![Prefix.Length..]);
        }

        return schema;
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new ArgumentException($"unknown type {type}", nameof(type)),
    };

    private static Dictionary<string, JsonNode> Examples(JsonElement mediaType) =>
        mediaType.GetProperty("examples").EnumerateObject().ToDictionary(e => e.Name, e => JsonNode.Parse(e.Value.GetProperty("value").GetRawText())!);
}
