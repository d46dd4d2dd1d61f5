using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CommandCenter.Security;

/// <summary>Rate limits per client address: sign-in (against password guessing) and ingest (against a runaway sender).</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Ingest = "ingest";
    public const string Phone = "phone";

    public static void Configure(RateLimiterOptions limiter, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests.",
                detail: $"Slow down and retry after {retryAfter.TotalSeconds:0} s.").ExecuteAsync(context.HttpContext);
        };
        limiter.AddPolicy(SignIn, context => RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.SignInRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
        limiter.AddPolicy(Ingest, context => RateLimitPartition.GetTokenBucketLimiter(ClientOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.IngestRequestsPerSecond * 2,
            TokensPerPeriod = options.IngestRequestsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        }));
        // Per phone (its serial), and per address for requests that name none: one runaway app slows only itself.
        limiter.AddPolicy(Phone, context => RateLimitPartition.GetFixedWindowLimiter(PhoneOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.PhoneRequestsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>The header a subject's phone names its device in (its key goes in <c>X-Device-Key</c>).</summary>
    public const string PhoneDeviceHeader = "X-Device";

    private static string PhoneOf(HttpContext context) =>
        context.Request.Headers[PhoneDeviceHeader].ToString() is { Length: > 0 and <= 100 } serial ? $"device:{serial}" : ClientOf(context);

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
