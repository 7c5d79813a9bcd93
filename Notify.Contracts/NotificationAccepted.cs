namespace Notify.Contracts;

/// <summary>The 202 answer to a publish: the notification is stored and on its way.</summary>
/// <param name="Id">A UUID v7, so ids sort by creation time.</param>
/// <param name="CreatedAt">When Notify accepted it (UTC).</param>
public sealed record NotificationAccepted(Guid Id, DateTimeOffset CreatedAt);
