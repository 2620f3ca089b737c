using System.Globalization;
using System.Text.Json;
using BreastCancer.Analysis.Deployment;

namespace BreastCancer.Web.Prediction;

/// <summary>
/// Checks one patient's measurements against a model's features: every feature present once, a finite number within
/// its physical bounds (<see cref="FeatureBounds"/>), no other field; a value outside the card's training range is a
/// warning, or an error when <paramref name="rejectOutOfRange"/>. Every problem is recorded under its field's name
/// (prefixed as the caller says), so one response names all of them.
/// </summary>
/// <param name="features">The model's features with their training ranges, in the model's order.</param>
/// <param name="rejectOutOfRange">Whether a value outside the training range is an error.</param>
public sealed class PatientValidator(IReadOnlyList<FeatureRange> features, bool rejectOutOfRange)
{
    private readonly IReadOnlyList<FeatureRange> _features = features ?? throw new ArgumentNullException(nameof(features));
    private readonly HashSet<string> _names = [.. features.Select(f => f.Name)];

    /// <summary>Validates the JSON object <paramref name="element"/> of feature name → number; errors go to <paramref name="errors"/> under <paramref name="prefix"/> + the field's name.</summary>
    public PatientCheck ValidateJson(JsonElement element, string prefix, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Fields.Count;
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(prefix.TrimEnd('.'), $"must be an object of the {_features.Count} features, name → number; got {Describe(element.ValueKind)}");
            return new PatientCheck(null, []);
        }

        var given = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!_names.Contains(property.Name))
            {
                errors.Add(prefix + property.Name, $"is not one of the model's {_features.Count} features");
            }
            else if (!given.TryAdd(property.Name, property.Value))
            {
                errors.Add(prefix + property.Name, "is given more than once");
            }
        }

        return Check(prefix, errors, before, feature => given.TryGetValue(feature, out var value) ? ReadJson(value) : (null, "is missing: all 30 features are required"));
    }

    /// <summary>Validates form fields (feature name → text as typed); errors go to <paramref name="errors"/> under the feature's name.</summary>
    public PatientCheck ValidateText(IReadOnlyDictionary<string, string?> fields, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Fields.Count;
        return Check("", errors, before, feature => fields.TryGetValue(feature, out var text) && !string.IsNullOrWhiteSpace(text)
            ? ReadText(text)
            : (null, "is missing: all 30 features are required"));
    }

    private PatientCheck Check(string prefix, ValidationErrors errors, int before, Func<string, (double? Value, string? Problem)> read)
    {
        var values = new double[_features.Count];
        var warnings = new List<RangeWarning>();
        for (var f = 0; f < _features.Count; f++)
        {
            var range = _features[f];
            var (value, problem) = read(range.Name);
            problem ??= FeatureBounds.Problem(range.Name, value!.Value);
            if (problem is not null)
            {
                errors.Add(prefix + range.Name, problem);
                continue;
            }

            values[f] = value!.Value;
            if (value < range.Min || value > range.Max)
            {
                var message = $"{range.Name} = {FeatureBounds.Format(values[f])} is outside the training range {FeatureBounds.Format(range.Min)}–{FeatureBounds.Format(range.Max)}: the model extrapolates";
                if (rejectOutOfRange)
                {
                    errors.Add(prefix + range.Name, $"is outside the training range {FeatureBounds.Format(range.Min)}–{FeatureBounds.Format(range.Max)} (got {FeatureBounds.Format(values[f])}), which this server rejects");
                }
                else
                {
                    warnings.Add(new RangeWarning(range.Name, values[f], range.Min, range.Max, message));
                }
            }
        }

        return errors.Fields.Count > before ? new PatientCheck(null, []) : new PatientCheck(values, warnings);
    }

    private static (double? Value, string? Problem) ReadJson(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number) ? (number, null) : (null, "must be a finite number: it is too large for a double"),
        JsonValueKind.Null => (null, "must be a number, not null"),
        JsonValueKind.String => (null, $"must be a JSON number, not the string \"{Truncate(value.GetString()!)}\""),
        _ => (null, $"must be a JSON number, not {Describe(value.ValueKind)}"),
    };

    private static (double? Value, string? Problem) ReadText(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (number, null)
            : (null, $"must be a number such as 17.99, not \"{Truncate(text.Trim())}\"");

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
