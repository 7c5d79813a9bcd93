using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Notify.Api.Infrastructure.Redis;

/// <summary>Every key Notify writes, under the deployment's prefix.</summary>
public sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.ChannelPrefix;

    public RedisKey GroupMembers(string group) => $"{_prefix}group:{group}";
    public RedisKey UserGroups(string userId) => $"{_prefix}user-groups:{userId}";

    /// <summary>Channel names need no prefix here: the multiplexer's ChannelPrefix adds it.</summary>
    public static RedisChannel MembershipChannel { get; } = RedisChannel.Literal("membership");
}
