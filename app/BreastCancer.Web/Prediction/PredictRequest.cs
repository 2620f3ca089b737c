using System.Text.Json;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// A parsed body of <c>POST /api/predict</c>: one patient <c>{ "features": { name: number, … }, "case": "…" }</c> or a
/// batch <c>{ "patients": [ { "features": { … }, "case": "…" }, … ] }</c>, the <c>case</c> optional
/// (<see cref="CaseNumber"/>). Errors are named by field: <c>body</c>, <c>features.radius_mean</c>,
/// <c>patients[3].features.area_worst</c>, <c>patients[3].case</c>.
/// </summary>
/// <param name="IsBatch">Whether the body was a batch.</param>
/// <param name="Patients">Each patient's check, in order; empty when the body's shape is wrong.</param>
/// <param name="Errors">Every problem found.</param>
public sealed record PredictRequest(bool IsBatch, IReadOnlyList<PatientCheck> Patients, ValidationErrors Errors)
{
    /// <summary>Parses and validates <paramref name="body"/> with <paramref name="validator"/>; a batch may hold at most <paramref name="maxBatchSize"/> patients.</summary>
    public static PredictRequest Parse(ReadOnlySpan<byte> body, PatientValidator validator, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var errors = new ValidationErrors();
        using var document = TryParse(body);
        if (document is null)
        {
            var (field, reason) = JsonSyntax.FindError(body) ?? ("body", "is not valid JSON");
            errors.Add(field, reason);
            return new PredictRequest(false, [], errors);
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add("body", "must be a JSON object: { \"features\": { … } } for one patient or { \"patients\": [ … ] } for a batch");
            return new PredictRequest(false, [], errors);
        }

        foreach (var property in root.EnumerateObject().Where(p => p.Name is not ("features" or "patients" or CaseNumber.Field)))
        {
            errors.Add(property.Name, "is not a field of the request: send \"features\" and optionally \"case\" (one patient), or \"patients\" (a batch)");
        }

        var hasFeatures = root.TryGetProperty("features", out var features);
        var hasPatients = root.TryGetProperty("patients", out var patients);
        if (hasFeatures == hasPatients)
        {
            errors.Add("body", hasFeatures ? "has both \"features\" and \"patients\": send one patient or a batch" : "has neither \"features\" (one patient) nor \"patients\" (a batch)");
            return new PredictRequest(hasPatients, [], errors);
        }

        if (hasFeatures)
        {
            var caseNumber = CaseNumber.Read(root, "", errors);
            return new PredictRequest(false, [validator.ValidateJson(features, "features.", errors) with { Case = caseNumber }], errors);
        }

        if (root.TryGetProperty(CaseNumber.Field, out _))
        {
            errors.Add(CaseNumber.Field, "belongs to each patient of a batch: send { \"patients\": [ { \"features\": { … }, \"case\": \"…\" }, … ] }");
        }

        if (patients.ValueKind != JsonValueKind.Array || patients.GetArrayLength() == 0 || patients.GetArrayLength() > maxBatchSize)
        {
            errors.Add("patients", patients.ValueKind != JsonValueKind.Array
                ? "must be an array of patients, each { \"features\": { … } }"
                : $"must hold 1 to {maxBatchSize} patients; it holds {patients.GetArrayLength()}");
            return new PredictRequest(true, [], errors);
        }

        var checks = new List<PatientCheck>();
        foreach (var (patient, i) in patients.EnumerateArray().Select((p, i) => (p, i)))
        {
            var prefix = $"patients[{i}]";
            if (patient.ValueKind != JsonValueKind.Object || !patient.TryGetProperty("features", out var patientFeatures))
            {
                errors.Add(prefix, "must be an object { \"features\": { … } }");
                checks.Add(new PatientCheck(null, []));
                continue;
            }

            foreach (var property in patient.EnumerateObject().Where(p => p.Name is not ("features" or CaseNumber.Field)))
            {
                errors.Add($"{prefix}.{property.Name}", "is not a field of a patient: send \"features\" and optionally \"case\"");
            }

            var caseNumber = CaseNumber.Read(patient, $"{prefix}.", errors);
            checks.Add(validator.ValidateJson(patientFeatures, $"{prefix}.features.", errors) with { Case = caseNumber });
        }

        return new PredictRequest(true, checks, errors);
    }

    /// <summary>The parsed body, or null when it is not JSON; <see cref="JsonSyntax"/> then says where and why, by field (it reads with the same options).</summary>
    private static JsonDocument? TryParse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body.ToArray(), new JsonDocumentOptions { MaxDepth = JsonSyntax.MaxDepth });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
