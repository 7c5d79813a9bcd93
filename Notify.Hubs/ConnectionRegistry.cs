using System.Collections.Concurrent;

namespace Notify.Hubs;

/// <summary>This instance's live connections by user, so a membership change can reach them at once.</summary>
public sealed class ConnectionRegistry
{
    // A user holds one or two connections: a copy-on-write array costs less per connection than a dictionary.
    private readonly ConcurrentDictionary<string, string[]> _byUser = new(StringComparer.Ordinal);

    public int Count => _byUser.Values.Sum(c => c.Length);

    public void Add(string userId, string connectionId) =>
        _byUser.AddOrUpdate(userId, static (_, c) => [c], static (_, existing, c) => [.. existing, c], connectionId);

    public void Remove(string userId, string connectionId)
    {
        while (_byUser.TryGetValue(userId, out var existing))
        {
            var rest = Array.FindAll(existing, c => c != connectionId);
            // Compare-and-swap on the array we read, so a racing Add is never lost.
            if (rest.Length == 0 ? _byUser.TryRemove(new KeyValuePair<string, string[]>(userId, existing)) : _byUser.TryUpdate(userId, rest, existing))
                return;
        }
    }

    public IReadOnlyList<string> AllConnections() => [.. _byUser.Values.SelectMany(c => c)];

    public IReadOnlyCollection<string> ConnectionsOf(string userId) => _byUser.TryGetValue(userId, out var c) ? c : [];
}
