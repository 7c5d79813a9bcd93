using System.Collections.Concurrent;

namespace Notify.Hubs;

/// <summary>This instance's live connections by user, so a membership change can reach them at once.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> _byUser = new(StringComparer.Ordinal);

    public int Count => _byUser.Values.Sum(c => c.Count);

    public void Add(string userId, string connectionId) =>
        _byUser.GetOrAdd(userId, _ => new(StringComparer.Ordinal))[connectionId] = 0;

    public void Remove(string userId, string connectionId)
    {
        if (!_byUser.TryGetValue(userId, out var connections)) return;
        connections.TryRemove(connectionId, out _);
        // Only drop the entry if it is still the empty one we looked at, so a racing Add is never lost.
        if (connections.IsEmpty)
            _byUser.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, byte>>(userId, connections));
    }

    public IReadOnlyList<string> AllConnections() => [.. _byUser.Values.SelectMany(c => c.Keys)];

    public IReadOnlyCollection<string> ConnectionsOf(string userId) =>
        _byUser.TryGetValue(userId, out var connections) ? [.. connections.Keys] : [];
}
