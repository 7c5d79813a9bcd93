using Notify.Api.Infrastructure.Redis;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Groups;

/// <summary>
/// A set per group, a set per user, and the user's membership history in sequence terms, changed together in one
/// script: a notification sent to the group before the join (a lower sequence) is never in the member's inbox.
/// </summary>
internal sealed class RedisGroupStore(IConnectionMultiplexer redis, RedisKeys keys) : IGroupStore
{
    private const string ChangeScript = """
        local seq = redis.call('GET', KEYS[1]) or '0'
        local history = redis.call('HGET', KEYS[4], ARGV[2])
        if ARGV[3] == '1' then
          if redis.call('SADD', KEYS[2], ARGV[1]) == 0 then return 0 end
          redis.call('SADD', KEYS[3], ARGV[2])
          redis.call('HSET', KEYS[4], ARGV[2], (history and (history .. ',') or '') .. seq .. ':')
        else
          if redis.call('SREM', KEYS[2], ARGV[1]) == 0 then return 0 end
          redis.call('SREM', KEYS[3], ARGV[2])
          redis.call('HSET', KEYS[4], ARGV[2], (history or '0:') .. seq)
        end
        return 1
        """;

    public Task<bool> AddAsync(string group, string userId, CancellationToken ct) => ChangeAsync(group, userId, true);

    public Task<bool> RemoveAsync(string group, string userId, CancellationToken ct) => ChangeAsync(group, userId, false);

    private async Task<bool> ChangeAsync(string group, string userId, bool isMember)
    {
        var changed = await redis.GetDatabase().ScriptEvaluateAsync(ChangeScript,
            [keys.Sequence, keys.GroupMembers(group), keys.UserGroups(userId), keys.MembershipHistory(userId)],
            [userId, group, isMember ? "1" : "0"]);
        return (int)changed == 1;
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
