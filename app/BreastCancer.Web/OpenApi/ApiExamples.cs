using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BreastCancer.Web.Api;
using BreastCancer.Web.Models;
using BreastCancer.Web.Prediction;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace BreastCancer.Web.OpenApi;

/// <summary>
/// The request and response examples of <c>predict</c>, <c>recordOutcome</c> and <c>promoteModel</c>, and the schema of
/// <c>predict</c>'s body, which the handler reads itself. They are made from the served model whenever the document is
/// asked for: the example patients are its typical malignant and benign training patients (those the form fills in),
/// each request example is parsed as the endpoint parses its body, and each response example is what the app answers it,
/// but for a fixed <c>predictionId</c>.
/// </summary>
internal static class ApiExamples
{
    /// <summary>The <c>predictionId</c> of the examples (a version-7 UUID, as the app makes them).</summary>
    public static readonly Guid PredictionId = Guid.Parse("019a3c5e-8f00-7b2a-9c41-5d6e7f809a1b", CultureInfo.InvariantCulture);

    private const string Json = "application/json";

    /// <summary>Describes <c>predict</c>'s body (one patient or a batch) and its answers, with an example of each.</summary>
    public static Task PredictAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var services = context.ApplicationServices;
        var document = context.Document ?? throw new InvalidOperationException("The operation has no document.");
        var snapshot = services.GetRequiredService<ModelHolder>().Current;
        var maxBatchSize = services.GetRequiredService<IOptions<PredictionOptions>>().Value.MaxBatchSize;
        var malignant = snapshot.Examples.Single(e => e.Key == "malignant");
        var benign = snapshot.Examples.Single(e => e.Key == "benign");
        var one = new JsonObject { ["features"] = Features(snapshot, malignant) };
        var batch = new JsonObject
        {
            ["patients"] = new JsonArray(
                new JsonObject { ["features"] = Features(snapshot, malignant), [CaseNumber.Field] = "T-0042" },
                new JsonObject { ["features"] = Features(snapshot, benign), [CaseNumber.Field] = "T-0043" }),
        };

        document.AddComponent("PatientFeatures", FeaturesSchema(snapshot));
        document.AddComponent("PatientRequest", PatientSchema(document));
        document.AddComponent("BatchRequest", BatchSchema(document, maxBatchSize));
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "One patient, or a batch of 1 to `Prediction:MaxBatchSize` patients, as JSON (`Content-Type: application/json`).",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Json] = new()
                {
                    Schema = new OpenApiSchema { OneOf = [new OpenApiSchemaReference("PatientRequest", document), new OpenApiSchemaReference("BatchRequest", document)] },
                    Examples = new Dictionary<string, IOpenApiExample>
                    {
                        ["onePatient"] = Example($"One patient: {malignant.Description}", one),
                        ["batch"] = Example("A batch of two patients, each with its case number: the typical malignant and the typical benign training patient", batch),
                    },
                },
            },
        };

        var predictor = services.GetRequiredService<Predictor>();
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var validation = services.GetRequiredService<IOptions<ValidationOptions>>().Value;
        IReadOnlyList<PatientPrediction> Answer(JsonObject body) => predictor.Score(snapshot, Parse(snapshot, body, validation, maxBatchSize), snapshot.LoadedAt)
            .Select(p => p with { PredictionId = PredictionId })
            .ToArray();
        var answer = operation.Responses?["200"].Content?[Json] ?? throw new InvalidOperationException("predict declares no JSON answer.");
        answer.Schema = new OpenApiSchema { OneOf = [new OpenApiSchemaReference(nameof(PatientPrediction), document), new OpenApiSchemaReference(nameof(BatchPrediction), document)] };
        answer.Examples = new Dictionary<string, IOpenApiExample>
        {
            ["onePatient"] = Example("The answer for one patient", JsonSerializer.SerializeToNode(Answer(one)[0], options)),
            ["batch"] = Example("The answer for a batch, in the request's order", JsonSerializer.SerializeToNode(new BatchPrediction(Answer(batch)), options)),
        };
        return Task.CompletedTask;
    }

    /// <summary>An outcome of the example prediction, and its answer.</summary>
    public static Task OutcomeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        SetExamples(operation, "A biopsy confirmed the example prediction's tumour as malignant", JsonSerializer.SerializeToNode(new OutcomeReport(PredictionId, true), options),
            "The outcome recorded (or already recorded, the same)", JsonSerializer.SerializeToNode(new OutcomeRecorded(PredictionId, true), options));
        return Task.CompletedTask;
    }

    /// <summary>A promotion of the served version (which changes nothing), and its answer.</summary>
    public static Task PromotionAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var version = context.ApplicationServices.GetRequiredService<ModelHolder>().Current.Version;
        var options = context.ApplicationServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        SetExamples(operation, "Serve the version served now (any version `listModels` lists will do)", JsonSerializer.SerializeToNode(new PromotionRequest(version), options),
            "The version served before and the one served now", JsonSerializer.SerializeToNode(new ModelChange(version, version), options));
        return Task.CompletedTask;
    }

    private static void SetExamples(OpenApiOperation operation, string requestSummary, JsonNode? request, string answerSummary, JsonNode? answer)
    {
        var body = operation.RequestBody?.Content?[Json] ?? throw new InvalidOperationException($"{operation.OperationId} declares no JSON body.");
        body.Examples = new Dictionary<string, IOpenApiExample> { ["example"] = Example(requestSummary, request) };
        var ok = operation.Responses?["200"].Content?[Json] ?? throw new InvalidOperationException($"{operation.OperationId} declares no JSON answer.");
        ok.Examples = new Dictionary<string, IOpenApiExample> { ["example"] = Example(answerSummary, answer) };
    }

    private static OpenApiExample Example(string summary, JsonNode? value) => new() { Summary = summary, Value = value };

    private static JsonObject Features(ModelSnapshot snapshot, ExamplePatient patient) =>
        new(snapshot.FeatureNames.Select((name, i) => KeyValuePair.Create(name, (JsonNode?)JsonValue.Create(patient.Values[i]))));

    /// <summary>The patients of <paramref name="body"/>, parsed and checked as <c>predict</c> does; an example the app would refuse is a bug.</summary>
    private static IReadOnlyList<PatientCheck> Parse(ModelSnapshot snapshot, JsonObject body, ValidationOptions validation, int maxBatchSize)
    {
        var parsed = PredictRequest.Parse(JsonSerializer.SerializeToUtf8Bytes(body), new PatientValidator(snapshot.Card.Features, validation.RejectOutOfRange), maxBatchSize);
        return parsed.Errors.Any
            ? throw new InvalidOperationException($"The example request is not valid: {string.Join("; ", parsed.Errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}"))}")
            : parsed.Patients;
    }

    private static OpenApiSchema FeaturesSchema(ModelSnapshot snapshot) => new()
    {
        Type = JsonSchemaType.Object,
        Description = $"The {snapshot.Card.Features.Count} WDBC measurements of the tumour's cell nuclei, each required once, by name. Each is a finite number within its physical bounds; "
            + "a value outside the model's training range is answered with a warning (or refused, when the app sets `Validation:RejectOutOfRange`).",
        Properties = snapshot.Card.Features.ToDictionary(f => f.Name, f => (IOpenApiSchema)FeatureSchema(f), StringComparer.Ordinal),
        Required = new HashSet<string>(snapshot.FeatureNames, StringComparer.Ordinal),
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema FeatureSchema(Analysis.Deployment.FeatureRange feature)
    {
        var bound = FeatureBounds.For(feature.Name);
        var statistic = FeatureUnits.Statistics.Single(s => feature.Name.EndsWith($"_{s.Key}", StringComparison.Ordinal)).Heading;
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Number,
            Description = $"{statistic} of the {FeatureUnits.MeaningOf(bound.Property)} ({FeatureUnits.UnitOf(bound.Property)}). "
                + $"Training range {FeatureBounds.Format(feature.Min)} to {FeatureBounds.Format(feature.Max)}.",
            Minimum = bound.MustBePositive ? null : "0",
            ExclusiveMinimum = bound.MustBePositive ? "0" : null,
            Maximum = FeatureBounds.Format(bound.Upper),
        };
    }

    private static OpenApiSchema PatientSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "One patient: the measurements, and optionally the tumour's case number.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["features"] = new OpenApiSchemaReference("PatientFeatures", document),
            [CaseNumber.Field] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                MinLength = 1,
                MaxLength = CaseNumber.MaxLength,
                Description = "The clinic's pseudonymous number for the tumour (never a name): printable characters without surrounding spaces. "
                    + "The predictions of a tumour measured more than once share it, so that a retrain keeps them together; it is stored and echoed back.",
            },
        },
        Required = new HashSet<string> { "features" },
        AdditionalPropertiesAllowed = false,
    };

    private static OpenApiSchema BatchSchema(OpenApiDocument document, int maxBatchSize) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A batch: the patients, answered in order.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["patients"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference("PatientRequest", document), MinItems = 1, MaxItems = maxBatchSize },
        },
        Required = new HashSet<string> { "patients" },
        AdditionalPropertiesAllowed = false,
    };
}
