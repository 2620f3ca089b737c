namespace BreastCancer.Web.Prediction;

/// <summary>Errors by field (<c>features.radius_mean</c>, <c>patients[2].features.area_worst</c>, <c>body</c>), each with its reasons, as RFC 7807's <c>errors</c> object.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>Whether there is any error.</summary>
    public bool Any => _errors.Count > 0;

    /// <summary>The fields with errors.</summary>
    public IReadOnlyCollection<string> Fields => _errors.Keys;

    /// <summary>Records that <paramref name="field"/> is wrong because of <paramref name="reason"/>.</summary>
    public void Add(string field, string reason)
    {
        if (!_errors.TryGetValue(field, out var reasons))
        {
            _errors[field] = reasons = [];
        }

        reasons.Add(reason);
    }

    /// <summary>The reasons for <paramref name="field"/>, none when it is fine.</summary>
    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var reasons) ? reasons : [];

    /// <summary>The errors as problem details carry them.</summary>
    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
