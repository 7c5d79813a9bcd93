namespace Notify.Contracts;

/// <summary>Pushed when a notification was marked read.</summary>
/// <param name="Id">The notification.</param>
/// <param name="ReadAt">When (UTC).</param>
public sealed record NotificationReadEvent(Guid Id, DateTimeOffset ReadAt);

/// <summary>Pushed when every notification up to a sequence was marked read.</summary>
/// <param name="UpToSequence">Every notification with this sequence or lower is read.</param>
/// <param name="ReadAt">When (UTC).</param>
public sealed record AllReadEvent(long UpToSequence, DateTimeOffset ReadAt);

/// <summary>Pushed when a notification was deleted from the inbox.</summary>
/// <param name="Id">The notification.</param>
public sealed record NotificationDeletedEvent(Guid Id);

/// <summary>The number of unread notifications in the inbox.</summary>
/// <param name="Unread">The count.</param>
public sealed record UnreadCount(int Unread);

/// <summary>The first event on every connection: it is registered and in its groups.</summary>
/// <param name="UserId">The user the connection belongs to.</param>
/// <param name="Groups">The groups it receives.</param>
public sealed record SessionStarted(string UserId, IReadOnlyList<string> Groups);
