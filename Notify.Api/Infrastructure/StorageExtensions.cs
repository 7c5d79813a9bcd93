using Microsoft.AspNetCore.SignalR;
using Notify.Api.Infrastructure.Groups;
using Notify.Api.Infrastructure.Inbox;
using Notify.Api.Infrastructure.Redis;
using Notify.Hubs;

namespace Notify.Api.Infrastructure;

internal static class StorageExtensions
{
    /// <summary>The inbox and group stores: Redis (and the backplane) when configured, one instance in memory otherwise.</summary>
    public static RedisOptions AddNotifyStorage(this IHostApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        builder.Services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<InboxView>();

        var redis = builder.AddNotifyRedis(signalR);
        if (redis.IsConfigured)
        {
            builder.Services.AddSingleton<IInboxStore, RedisInboxStore>();
            builder.Services.AddSingleton<IGroupStore, RedisGroupStore>();
            builder.Services.AddSingleton<RedisMembershipBus>();
            builder.Services.AddSingleton<IMembershipBus>(sp => sp.GetRequiredService<RedisMembershipBus>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisMembershipBus>());
            builder.Services.AddHostedService<ResyncOnReconnect>();
        }
        else
        {
            builder.Services.AddSingleton<MemorySequence>();
            builder.Services.AddSingleton<MemoryGroupStore>();
            builder.Services.AddSingleton<IGroupStore>(sp => sp.GetRequiredService<MemoryGroupStore>());
            builder.Services.AddSingleton<IInboxStore, MemoryInboxStore>();
            builder.Services.AddSingleton<IMembershipBus, LocalMembershipBus>();
        }
        builder.Services.AddSingleton<IUserGroups>(sp => sp.GetRequiredService<IGroupStore>());
        return redis;
    }
}
