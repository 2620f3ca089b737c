using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BreastCancer.Web.Security;

/// <summary>
/// The per-client rate limit of the API (configuration section <c>RateLimit</c>): a fixed window of
/// <see cref="PermitsPerMinute"/> requests per client address; a request over it gets 429 with problem details and a
/// Retry-After header. Benchmarks that drive the API from one address raise it.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimit";

    /// <summary>The policy the API endpoints carry.</summary>
    public const string Policy = "per-client";

    /// <summary>Requests one client address may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 1200;

    /// <summary>Registers the policy with <paramref name="limits"/> from <paramref name="options"/>.</summary>
    public static void Configure(RateLimiterOptions limits, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(options);
        limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limits.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        limits.OnRejected = async (context, cancellationToken) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "60";
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This client may make {options.PermitsPerMinute} requests a minute (RateLimit:PermitsPerMinute); try again after a minute.").ExecuteAsync(context.HttpContext);
        };
    }
}
