using Microsoft.AspNetCore.SignalR;
using Notify.Hubs;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Redis;

/// <summary>
/// The backplane drops what is published while this instance's link to Redis is down, even if other instances
/// published fine. When the link comes back, this instance asks its own connections to catch up from the inbox.
/// </summary>
internal sealed class ResyncOnReconnect(IConnectionMultiplexer redis, ConnectionRegistry registry,
    IHubContext<NotificationHub, INotificationClient> hub, ILogger<ResyncOnReconnect> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored += OnRestored;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        redis.ConnectionRestored -= OnRestored;
        return Task.CompletedTask;
    }

    private void OnRestored(object? sender, ConnectionFailedEventArgs e)
    {
        // One event per restored physical connection; the subscription link is the one the backplane listens on.
        if (e.ConnectionType != ConnectionType.Subscription) return;
        var connections = registry.AllConnections();
        logger.LogInformation("Redis link restored: asking {Count} connections to catch up", connections.Count);
        _ = Task.Run(async () =>
        {
            try
            {
                // One by one: the lifetime manager writes to a local connection directly, while a list is published
                // through Redis, where the per-connection channels may not be subscribed again yet.
                foreach (var connectionId in connections)
                    await hub.Clients.Client(connectionId).ResyncRequested();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Could not ask connections to catch up after the Redis link was restored");
            }
        });
    }
}
