using Notify.Contracts;

namespace Notify.Hubs;

/// <summary>What the hub sends to a browser. Each method is an event, named in the past tense.</summary>
public interface INotificationClient
{
    /// <summary>Sent once per connection when it is fully set up (groups applied): from here on nothing is missed live.</summary>
    Task SessionStarted(SessionStarted session);

    /// <summary>
    /// This instance's link to Redis was restored: live sends may have been missed meanwhile, so catch up from the
    /// last sequence (as after a reconnect).
    /// </summary>
    Task ResyncRequested();

    /// <summary>A new notification for this user.</summary>
    Task NotificationReceived(NotificationDto notification);

    /// <summary>The user read one notification, on any connection.</summary>
    Task NotificationRead(NotificationReadEvent read);

    /// <summary>The user marked everything read, on any connection.</summary>
    Task AllNotificationsRead(AllReadEvent read);

    /// <summary>The user deleted one notification, on any connection.</summary>
    Task NotificationDeleted(NotificationDeletedEvent deleted);

    /// <summary>The user's unread count changed.</summary>
    Task UnreadCountChanged(UnreadCount count);
}
