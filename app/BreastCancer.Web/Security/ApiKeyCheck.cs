using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace BreastCancer.Web.Security;

/// <summary>
/// The check in front of the write endpoints (outcomes, promote, rollback, retrain): the request's
/// <see cref="ApiKeyOptions.Header"/> must equal the configured key, compared in constant time.
/// </summary>
public sealed class ApiKeyCheck(IOptions<ApiKeyOptions> options)
{
    private readonly byte[]? _key = string.IsNullOrEmpty(options.Value.ApiKey) ? null : Encoding.UTF8.GetBytes(options.Value.ApiKey);

    /// <summary>Null when the request may write; otherwise the problem to answer: 403 when no key is configured, 401 when the key is missing or wrong.</summary>
    public IResult? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_key is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Writing is switched off",
                detail: $"No API key is configured (Security:ApiKey), so this endpoint accepts no request; configure one to enable it.");
        }

        var given = request.Headers[ApiKeyOptions.Header].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key)
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "A valid API key is required",
                detail: $"Send the configured key in the {ApiKeyOptions.Header} header.");
    }
}
