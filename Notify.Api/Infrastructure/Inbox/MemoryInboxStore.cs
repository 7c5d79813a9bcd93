using Microsoft.Extensions.Options;
using Notify.Api.Infrastructure.Groups;
using Notify.Contracts;

namespace Notify.Api.Infrastructure.Inbox;

/// <summary>The single-instance default: the same model as Redis, under one lock, gone on restart.</summary>
internal sealed class MemoryInboxStore(MemorySequence sequence, MemoryGroupStore groups, IOptions<InboxOptions> options, TimeProvider clock)
    : IInboxStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedList<long, Guid>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, NotificationDto> _bodies = [];
    private readonly Queue<(DateTimeOffset CreatedAt, Guid Id)> _expiry = new();
    private readonly Dictionary<string, (IdempotencyClaim Claim, NotificationDto Notification, DateTimeOffset Expires)> _idempotency = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserMarks> _marks = new(StringComparer.Ordinal);

    private sealed class UserMarks
    {
        public Dictionary<Guid, DateTimeOffset> Reads { get; } = [];
        public HashSet<Guid> Deleted { get; } = [];
        public long ReadAllUpTo { get; set; }
        public DateTimeOffset? ReadAllAt { get; set; }
    }

    public Task<AppendOutcome> AppendAsync(NotificationDto notification, AppendTargets targets, IdempotencyClaim? idempotency, CancellationToken ct)
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var idemKey = idempotency is null ? null : $"{idempotency.Caller}\n{idempotency.Key}";
            if (idemKey is not null && _idempotency.TryGetValue(idemKey, out var seen) && seen.Expires > now)
                return Task.FromResult(new AppendOutcome(0, new IdempotentReplay(
                    seen.Notification.Id, seen.Notification.CreatedAt, seen.Notification.Sequence, seen.Claim.RequestHash == idempotency!.RequestHash)));

            var seq = sequence.Next();
            _bodies[notification.Id] = notification;
            _expiry.Enqueue((notification.CreatedAt, notification.Id));
            while (_expiry.TryPeek(out var oldest) && oldest.CreatedAt < now - options.Value.Retention)
                _bodies.Remove(_expiry.Dequeue().Id);
            foreach (var stream in StreamsOf(targets))
            {
                if (!_streams.TryGetValue(stream, out var entries)) _streams[stream] = entries = [];
                entries.Add(seq, notification.Id);
                while (entries.Count > options.Value.MaxPerUser) entries.RemoveAt(0);
            }
            if (idemKey is not null)
                _idempotency[idemKey] = (idempotency!, notification with { Sequence = seq }, now.AddHours(24));
            return Task.FromResult(new AppendOutcome(seq, null));
        }
    }

    public Task<UserInboxState> LoadAsync(string userId, CancellationToken ct)
    {
        var history = groups.HistoryOf(userId);
        lock (_gate)
        {
            var entries = new List<InboxEntry>();
            Collect(entries, $"u:{userId}", _ => true);
            Collect(entries, "all", _ => true);
            foreach (var (group, intervals) in history)
                Collect(entries, $"g:{group}", seq => intervals.Any(i => i.Contains(seq)));
            var marks = Marks(userId);
            return Task.FromResult(new UserInboxState(entries, new Dictionary<Guid, DateTimeOffset>(marks.Reads),
                marks.ReadAllUpTo, marks.ReadAllAt, new HashSet<Guid>(marks.Deleted)));
        }
    }

    public Task<IReadOnlyList<NotificationDto?>> GetAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<NotificationDto?>>([.. ids.Select(id => _bodies.GetValueOrDefault(id))]);
    }

    public Task MarkReadAsync(string userId, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate) Marks(userId).Reads.TryAdd(id, at);
        return Task.CompletedTask;
    }

    public Task<long> MarkAllReadAsync(string userId, DateTimeOffset at, CancellationToken ct)
    {
        lock (_gate)
        {
            var marks = Marks(userId);
            marks.ReadAllUpTo = sequence.Current;
            marks.ReadAllAt = at;
            return Task.FromResult(marks.ReadAllUpTo);
        }
    }

    public Task DeleteAsync(string userId, Guid id, CancellationToken ct)
    {
        lock (_gate) Marks(userId).Deleted.Add(id);
        return Task.CompletedTask;
    }

    private void Collect(List<InboxEntry> into, string stream, Func<long, bool> visible)
    {
        if (!_streams.TryGetValue(stream, out var entries)) return;
        foreach (var (seq, id) in entries)
            if (visible(seq)) into.Add(new InboxEntry(id, seq));
    }

    private UserMarks Marks(string userId)
    {
        if (!_marks.TryGetValue(userId, out var marks)) _marks[userId] = marks = new UserMarks();
        return marks;
    }

    private static IEnumerable<string> StreamsOf(AppendTargets targets)
    {
        if (targets.Everyone)
        {
            yield return "all";
            yield break;
        }
        foreach (var user in targets.Users) yield return $"u:{user}";
        foreach (var group in targets.Groups) yield return $"g:{group}";
    }
}

/// <summary>The single instance's sequence, shared by the inbox and the membership history.</summary>
internal sealed class MemorySequence
{
    private long _value;
    public long Next() => Interlocked.Increment(ref _value);
    public long Current => Interlocked.Read(ref _value);
}
