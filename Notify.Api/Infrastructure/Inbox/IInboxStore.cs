using Notify.Contracts;

namespace Notify.Api.Infrastructure.Inbox;

/// <summary>
/// Durable notifications. Each one is written once, to the streams of its targets (one per named user, one per
/// group, one for everyone) with a sequence taken in the same atomic step, so a sequence that is visible implies
/// every lower one is stored. A user's inbox is merged from those streams at read time: a send to a group of any
/// size is one write.
/// </summary>
public interface IInboxStore
{
    /// <summary>Stores the notification (its <c>Sequence</c> is assigned here), unless the idempotency key was seen.</summary>
    Task<AppendOutcome> AppendAsync(NotificationDto notification, AppendTargets targets, IdempotencyClaim? idempotency, CancellationToken ct);

    /// <summary>Everything needed to compute the user's inbox: entries of each source, read marks, deletions.</summary>
    Task<UserInboxState> LoadAsync(string userId, CancellationToken ct);

    /// <summary>The stored notifications, in the order asked; null where one has expired.</summary>
    Task<IReadOnlyList<NotificationDto?>> GetAsync(IReadOnlyList<Guid> ids, CancellationToken ct);

    Task MarkReadAsync(string userId, Guid id, DateTimeOffset at, CancellationToken ct);

    /// <summary>Marks read everything stored so far; returns the sequence it reaches.</summary>
    Task<long> MarkAllReadAsync(string userId, DateTimeOffset at, CancellationToken ct);

    Task DeleteAsync(string userId, Guid id, CancellationToken ct);
}

public sealed record AppendTargets(IReadOnlyList<string> Users, IReadOnlyList<string> Groups, bool Everyone);

/// <summary>An Idempotency-Key, scoped to the caller, with a hash of the request it came with.</summary>
public sealed record IdempotencyClaim(string Caller, string Key, string RequestHash);

/// <summary>Either the new sequence, or the earlier notification the same idempotency key produced.</summary>
public sealed record AppendOutcome(long Sequence, IdempotentReplay? Replay);

public sealed record IdempotentReplay(Guid Id, DateTimeOffset CreatedAt, long Sequence, bool SameRequest);

/// <summary>A stream entry: the notification's id and its sequence.</summary>
public readonly record struct InboxEntry(Guid Id, long Sequence);

public sealed record UserInboxState(
    IReadOnlyList<InboxEntry> Entries,
    IReadOnlyDictionary<Guid, DateTimeOffset> Reads,
    long ReadAllUpTo,
    DateTimeOffset? ReadAllAt,
    IReadOnlySet<Guid> Deleted);

/// <summary>A group membership interval in sequence terms: it sees group entries with From &lt; seq &lt;= To.</summary>
public readonly record struct MembershipInterval(long From, long To)
{
    public bool Contains(long sequence) => sequence > From && sequence <= To;

    /// <summary>Parses "J1:L1,J2:" (an open end is still a member).</summary>
    public static IReadOnlyList<MembershipInterval> ParseHistory(string history) =>
        [.. history.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var bounds = part.Split(':');
            return new MembershipInterval(long.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture),
                bounds.Length > 1 && bounds[1].Length > 0 ? long.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) : long.MaxValue);
        })];
}
