using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Health;

/// <summary>Ready only while Redis answers: without it nothing can be stored, so nothing should be routed here.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!redis.IsConnected) return HealthCheckResult.Unhealthy("Redis is not connected.");
        try
        {
            var latency = await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), ct);
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:0.#} ms.");
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis did not answer: {e.Message}");
        }
    }
}
