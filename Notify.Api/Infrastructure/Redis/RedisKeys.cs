using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Redis;

/// <summary>Every key Notify writes, under the deployment's prefix.</summary>
public sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _p = options.Value.ChannelPrefix;

    public RedisKey GroupMembers(string group) => $"{_p}group:{group}";
    public RedisKey UserGroups(string userId) => $"{_p}user-groups:{userId}";

    /// <summary>Per user: group -> "joinedAt:leftAt,..." in sequence terms.</summary>
    public RedisKey MembershipHistory(string userId) => $"{_p}membership:{userId}";

    /// <summary>The deployment's one sequence; every accepted notification takes the next value.</summary>
    public RedisKey Sequence => $"{_p}seq";
    public RedisKey Notification(Guid id) => $"{_p}n:{id:N}";
    public RedisKey UserStream(string userId) => $"{_p}inbox:u:{userId}";
    public RedisKey GroupStream(string group) => $"{_p}inbox:g:{group}";
    public RedisKey EveryoneStream => $"{_p}inbox:all";
    public RedisKey Reads(string userId) => $"{_p}read:{userId}";
    public RedisKey ReadAll(string userId) => $"{_p}read-all:{userId}";
    public RedisKey Deleted(string userId) => $"{_p}deleted:{userId}";
    public RedisKey Idempotency(string digest) => $"{_p}idem:{digest}";

    /// <summary>Channel names need no prefix here: the multiplexer's ChannelPrefix adds it.</summary>
    public static RedisChannel MembershipChannel { get; } = RedisChannel.Literal("membership");
}
