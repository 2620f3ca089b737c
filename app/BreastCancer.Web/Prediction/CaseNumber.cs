using System.Text.Json;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// The optional <c>case</c> of a patient in <c>POST /api/predict</c>: the clinic's pseudonymous number for the tumour
/// (never a name), 1 to <see cref="MaxLength"/> printable characters. Predictions of one tumour measured more than once
/// share it, so that a retrain's comparison keeps them in one fold and resamples them together.
/// </summary>
public static class CaseNumber
{
    /// <summary>The longest case number, in UTF-16 characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The field's name in a request.</summary>
    public const string Field = "case";

    /// <summary>The case number of <paramref name="patient"/> (null when it has none, or its value is JSON null); an error under <paramref name="prefix"/><c>case</c> when it is not a usable one.</summary>
    public static string? Read(JsonElement patient, string prefix, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!patient.TryGetProperty(Field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : null;
        if (text is null || text.Length is 0 or > MaxLength || text.Any(char.IsControl) || text.Trim().Length != text.Length)
        {
            errors.Add(prefix + Field, $"must be a string of 1 to {MaxLength} printable characters without surrounding spaces: the tumour's pseudonymous case number, shared by its predictions");
            return null;
        }

        return text;
    }
}
