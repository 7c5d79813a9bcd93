using Notify.Api.Infrastructure.Redis;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Groups;

/// <summary>A set per group and a set per user, changed together in one transaction.</summary>
internal sealed class RedisGroupStore(IConnectionMultiplexer redis, RedisKeys keys) : IGroupStore
{
    public async Task<bool> AddAsync(string group, string userId, CancellationToken ct)
    {
        var tx = redis.GetDatabase().CreateTransaction();
        var added = tx.SetAddAsync(keys.GroupMembers(group), userId);
        _ = tx.SetAddAsync(keys.UserGroups(userId), group);
        await tx.ExecuteAsync();
        return await added;
    }

    public async Task<bool> RemoveAsync(string group, string userId, CancellationToken ct)
    {
        var tx = redis.GetDatabase().CreateTransaction();
        var removed = tx.SetRemoveAsync(keys.GroupMembers(group), userId);
        _ = tx.SetRemoveAsync(keys.UserGroups(userId), group);
        await tx.ExecuteAsync();
        return await removed;
    }

    public async Task<IReadOnlyList<string>> MembersAsync(string group, CancellationToken ct)
    {
        var members = await redis.GetDatabase().SetMembersAsync(keys.GroupMembers(group));
        return [.. members.Select(m => m.ToString()).Order(StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyCollection<string>> GetGroupsAsync(string userId, CancellationToken ct)
    {
        var groups = await redis.GetDatabase().SetMembersAsync(keys.UserGroups(userId));
        return [.. groups.Select(g => g.ToString())];
    }
}
