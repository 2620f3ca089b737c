namespace BreastCancer.Web.Security;

/// <summary>The key the write endpoints require (configuration section <c>Security</c>).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>The header that carries the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>The API key; when none is configured, every write endpoint refuses (403) and says so.</summary>
    public string? ApiKey { get; set; }
}
