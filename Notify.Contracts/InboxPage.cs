namespace Notify.Contracts;

/// <summary>A page of the signed-in user's inbox.</summary>
/// <param name="Items">Newest first for <c>before=</c> pages; oldest first for <c>after=</c> catch-up.</param>
/// <param name="Next">The cursor for the next page in the same direction (pass it as <c>before</c> or <c>after</c>); null at the end.</param>
public sealed record InboxPage(IReadOnlyList<NotificationDto> Items, long? Next);
