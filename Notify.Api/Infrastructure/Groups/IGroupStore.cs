using Notify.Hubs;

namespace Notify.Api.Infrastructure.Groups;

/// <summary>Server-side group membership: Redis when configured, memory otherwise.</summary>
public interface IGroupStore : IUserGroups
{
    /// <summary>Adds the user; false if it was a member already.</summary>
    Task<bool> AddAsync(string group, string userId, CancellationToken ct);

    /// <summary>Removes the user; false if it was not a member.</summary>
    Task<bool> RemoveAsync(string group, string userId, CancellationToken ct);

    Task<IReadOnlyList<string>> MembersAsync(string group, CancellationToken ct);
}

/// <summary>Tells every instance that a user's membership changed, so their live connections follow.</summary>
public interface IMembershipBus
{
    Task PublishAsync(MembershipChange change, CancellationToken ct);
}

public sealed record MembershipChange(string Group, string UserId, bool IsMember);
