using System.Text.Json;
using Notify.Api.Infrastructure.Redis;
using Notify.Hubs;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Groups;

/// <summary>
/// Publishes membership changes on a Redis channel that every instance subscribes to; each applies the change
/// to its own connections of that user. The store is written first, so a user who connects meanwhile reads it.
/// </summary>
internal sealed class RedisMembershipBus(IConnectionMultiplexer redis, GroupMembershipApplier applier, ILogger<RedisMembershipBus> logger)
    : BackgroundService, IMembershipBus
{
    public async Task PublishAsync(MembershipChange change, CancellationToken ct) =>
        await redis.GetSubscriber().PublishAsync(RedisKeys.MembershipChannel, JsonSerializer.Serialize(change));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Redis may be down at start-up; keep trying. Once subscribed, the multiplexer resubscribes by itself.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = await redis.GetSubscriber().SubscribeAsync(RedisKeys.MembershipChannel);
                queue.OnMessage(Apply);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Cannot subscribe to membership changes yet ({Reason}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task Apply(ChannelMessage message)
    {
        try
        {
            var change = JsonSerializer.Deserialize<MembershipChange>(message.Message.ToString());
            if (change is not null)
                await applier.ApplyAsync(change.UserId, change.Group, change.IsMember, CancellationToken.None);
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not apply a membership change from Redis");
        }
    }
}
