using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Notify.Api.Infrastructure.RateLimiting;

internal static class RateLimitingExtensions
{
    public const string PublishPolicy = "publish";
    public const string InboxPolicy = "inbox";

    public static void AddNotifyRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.AddPolicy(PublishPolicy, http => Bucket(http, "caller", l => (l.PublishPerSecond, l.PublishBurst)));
            o.AddPolicy(InboxPolicy, http => Bucket(http, "sub", l => (l.InboxPerSecond, l.InboxBurst)));
            o.OnRejected = async (ctx, ct) =>
            {
                var retryAfter = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ctx.HttpContext.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = ctx.HttpContext,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Type = "https://tools.ietf.org/html/rfc6585#section-4",
                        Title = "Too Many Requests",
                        Detail = $"Rate limit reached; retry after {retryAfter} s.",
                    },
                });
            };
        });
    }

    private static RateLimitPartition<string> Bucket(HttpContext http, string claim, Func<RateLimitOptions, (int PerSecond, int Burst)> pick)
    {
        var (perSecond, burst) = pick(http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
        var key = http.User.FindFirst(claim)?.Value ?? "anonymous";
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
