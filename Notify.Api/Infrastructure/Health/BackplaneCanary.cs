using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Health;

/// <summary>
/// Proves the backplane path works, not just that Redis answers a PING: every <see cref="Interval"/> this instance
/// publishes a canary on its own channel, through the multiplexer the backplane uses, and must see it come back.
/// </summary>
internal sealed class BackplaneCanary(IConnectionMultiplexer redis, TimeProvider clock, ILogger<BackplaneCanary> logger)
    : BackgroundService, IHealthCheck
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Stale = Interval * 3;

    private readonly RedisChannel _channel = RedisChannel.Literal($"canary:{Guid.NewGuid():N}");
    private long _lastSeenTicks;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var subscribed = false;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (!subscribed)
                {
                    await redis.GetSubscriber().SubscribeAsync(_channel, (_, _) => Interlocked.Exchange(ref _lastSeenTicks, clock.GetUtcNow().UtcTicks));
                    subscribed = true;
                }
                await redis.GetSubscriber().PublishAsync(_channel, "canary");
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogDebug("Backplane canary not sent: {Reason}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var lastSeen = new DateTimeOffset(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);
        var age = clock.GetUtcNow() - lastSeen;
        return Task.FromResult(age <= Stale
            ? HealthCheckResult.Healthy($"A canary came back through Redis pub/sub {age.TotalSeconds:0.0} s ago.")
            : HealthCheckResult.Unhealthy(_lastSeenTicks == 0
                ? "No canary has come back through Redis pub/sub yet."
                : $"The last canary came back {age.TotalSeconds:0} s ago; the backplane is not delivering."));
    }
}
