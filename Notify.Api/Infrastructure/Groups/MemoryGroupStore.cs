using Notify.Api.Infrastructure.Inbox;
using Notify.Hubs;

namespace Notify.Api.Infrastructure.Groups;

/// <summary>The single-instance default, with the same membership history as Redis.</summary>
internal sealed class MemoryGroupStore(MemorySequence sequence) : IGroupStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedSet<string>> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, List<MembershipInterval>>> _history = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(string group, string userId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!Get(_members, group).Add(userId)) return Task.FromResult(false);
            var history = Get(_history, userId);
            if (!history.TryGetValue(group, out var intervals)) history[group] = intervals = [];
            intervals.Add(new MembershipInterval(sequence.Current, long.MaxValue));
            return Task.FromResult(true);
        }
    }

    public Task<bool> RemoveAsync(string group, string userId, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_members.TryGetValue(group, out var members) || !members.Remove(userId)) return Task.FromResult(false);
            if (members.Count == 0) _members.Remove(group);
            var intervals = _history[userId][group];
            intervals[^1] = intervals[^1] with { To = sequence.Current };
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
            return Task.FromResult<IReadOnlyCollection<string>>(
                _history.TryGetValue(userId, out var h) ? [.. h.Where(g => g.Value[^1].To == long.MaxValue).Select(g => g.Key)] : []);
    }

    /// <summary>Every group the user is or was in, with the sequence intervals of membership.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<MembershipInterval> Intervals)> HistoryOf(string userId)
    {
        lock (_gate)
            return _history.TryGetValue(userId, out var h) ? [.. h.Select(g => (g.Key, (IReadOnlyList<MembershipInterval>)[.. g.Value]))] : [];
    }

    private static TValue Get<TValue>(Dictionary<string, TValue> map, string key) where TValue : new()
    {
        if (!map.TryGetValue(key, out var value)) map[key] = value = new TValue();
        return value;
    }
}

/// <summary>With one instance, a change only has local connections to reach.</summary>
internal sealed class LocalMembershipBus(GroupMembershipApplier applier) : IMembershipBus
{
    public Task PublishAsync(MembershipChange change, CancellationToken ct) =>
        applier.ApplyAsync(change.UserId, change.Group, change.IsMember, ct);
}
