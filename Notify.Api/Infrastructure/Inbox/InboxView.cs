using Microsoft.Extensions.Options;
using Notify.Contracts;

namespace Notify.Api.Infrastructure.Inbox;

/// <summary>
/// Turns a user's stored state into their inbox: merged by sequence, one entry per id, without deleted or expired
/// notifications, capped at the newest <see cref="InboxOptions.MaxPerUser"/>. Both stores share this logic.
/// </summary>
public sealed class InboxView(IInboxStore store, IOptions<InboxOptions> options, TimeProvider clock)
{
    public sealed record Loaded(IReadOnlyList<InboxEntry> NewestFirst, UserInboxState State)
    {
        public int UnreadCount => NewestFirst.Count(e => ReadAt(e) is null);

        public InboxEntry? Find(Guid id) => NewestFirst.FirstOrDefault(e => e.Id == id) is var e && e.Id == id ? e : null;

        public DateTimeOffset? ReadAt(InboxEntry e) =>
            State.Reads.TryGetValue(e.Id, out var at) ? at : e.Sequence <= State.ReadAllUpTo ? State.ReadAllAt : null;
    }

    public async Task<Loaded> LoadAsync(string userId, CancellationToken ct)
    {
        var state = await store.LoadAsync(userId, ct);
        var oldest = clock.GetUtcNow() - options.Value.Retention;
        var entries = state.Entries
            .DistinctBy(e => e.Id)
            .Where(e => !state.Deleted.Contains(e.Id) && CreatedAt(e.Id) >= oldest)
            .OrderByDescending(e => e.Sequence)
            .Take(options.Value.MaxPerUser)
            .ToList();
        return new Loaded(entries, state);
    }

    /// <summary>The page's notifications with their sequence and read state filled in.</summary>
    public async Task<IReadOnlyList<NotificationDto>> MaterializeAsync(Loaded view, IReadOnlyList<InboxEntry> page, CancellationToken ct)
    {
        var stored = await store.GetAsync([.. page.Select(e => e.Id)], ct);
        var result = new List<NotificationDto>(page.Count);
        for (var i = 0; i < page.Count; i++)
            if (stored[i] is { } n)
                result.Add(n with { Sequence = page[i].Sequence, ReadAt = view.ReadAt(page[i]) });
        return result;
    }

    /// <summary>Ids are UUID v7: their first 48 bits are the creation time in Unix milliseconds.</summary>
    public static DateTimeOffset CreatedAt(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        long ms = 0;
        for (var i = 0; i < 6; i++) ms = (ms << 8) | bytes[i];
        return DateTimeOffset.FromUnixTimeMilliseconds(ms);
    }
}
