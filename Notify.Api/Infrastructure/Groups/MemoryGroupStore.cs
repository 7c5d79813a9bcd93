using Notify.Hubs;

namespace Notify.Api.Infrastructure.Groups;

/// <summary>The single-instance default.</summary>
internal sealed class MemoryGroupStore : IGroupStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedSet<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _groupsOfUser = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(string group, string userId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!Get(_members, group).Add(userId)) return Task.FromResult(false);
            Get(_groupsOfUser, userId).Add(group);
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveAsync(string group, string userId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(group, out var members) || !members.Remove(userId)) return Task.FromResult(false);
            if (members.Count == 0) _members.Remove(group);
            if (_groupsOfUser.TryGetValue(userId, out var groups) && groups.Remove(group) && groups.Count == 0)
                _groupsOfUser.Remove(userId);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<string>> MembersAsync(string group, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<string>>(_members.TryGetValue(group, out var m) ? [.. m] : []);
    }

    public Task<IReadOnlyCollection<string>> GetGroupsAsync(string userId, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyCollection<string>>(_groupsOfUser.TryGetValue(userId, out var g) ? [.. g] : []);
    }

    private static TSet Get<TSet>(Dictionary<string, TSet> map, string key) where TSet : new()
    {
        if (!map.TryGetValue(key, out var set)) map[key] = set = new TSet();
        return set;
    }
}

/// <summary>With one instance, a change only has local connections to reach.</summary>
internal sealed class LocalMembershipBus(GroupMembershipApplier applier) : IMembershipBus
{
    public Task PublishAsync(MembershipChange change, CancellationToken ct) =>
        applier.ApplyAsync(change.UserId, change.Group, change.IsMember, ct);
}
