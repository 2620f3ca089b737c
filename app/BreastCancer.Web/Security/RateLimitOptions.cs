using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace BreastCancer.Web.Security;

/// <summary>
/// The per-client rate limit of every request the app serves, pages, static files and the OpenAPI document included
/// (configuration section <c>RateLimit</c>): a fixed window of <see cref="PermitsPerMinute"/> requests per client
/// address; a request over it gets 429 with problem details and a Retry-After header giving the seconds until the
/// client's window opens again. Benchmarks that drive the API from one address raise it.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RateLimit";

    /// <summary>Requests one client address may make per minute.</summary>
    public int PermitsPerMinute { get; set; } = 1200;

    /// <summary>Makes the limit <paramref name="limits"/>' global limiter, from <paramref name="options"/>.</summary>
    public static void Configure(RateLimiterOptions limits, RateLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(options);
        limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limits.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        limits.OnRejected = async (context, cancellationToken) =>
        {
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 60;
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This client may make {options.PermitsPerMinute} requests a minute (RateLimit:PermitsPerMinute); try again in {seconds} s.").ExecuteAsync(context.HttpContext);
        };
    }
}
