using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Notify.Api.Infrastructure.RateLimiting;
using Notify.Contracts;

namespace Notify.Api.Features.Inbox;

/// <summary>The signed-in user's own inbox. Another user's notification is simply not found here.</summary>
[ApiController, Route("api/me/notifications"), Authorize]
[EnableRateLimiting(RateLimitingExtensions.InboxPolicy)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
public sealed class InboxController(ISender sender) : ControllerBase
{
    public const int MaxLimit = 100;
    public const int DefaultLimit = 20;

    private string UserId => User.FindFirst("sub")!.Value;

    /// <summary>Newest first with <c>before</c>, or oldest first after a sequence with <c>after</c> (catch-up).</summary>
    [HttpGet]
    [ProducesResponseType<InboxPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<InboxPage>> List(int? limit, long? before, long? after, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit) ModelState.AddModelError("limit", $"'limit' must be 1 to {MaxLimit}.");
        if (before is < 1) ModelState.AddModelError("before", "'before' must be a positive sequence.");
        if (after is < 0) ModelState.AddModelError("after", "'after' must be a sequence of 0 or more.");
        if (before is not null && after is not null) ModelState.AddModelError("after", "Give 'before' or 'after', not both.");
        if (!ModelState.IsValid) return ValidationProblem();
        return await sender.Send(new GetInboxQuery(UserId, limit ?? DefaultLimit, before, after), ct);
    }

    [HttpGet("unread-count")]
    [ProducesResponseType<UnreadCount>(StatusCodes.Status200OK)]
    public async Task<UnreadCount> UnreadCount(CancellationToken ct) => await sender.Send(new GetUnreadCountQuery(UserId), ct);

    [HttpPost("{id:guid}/read")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> MarkRead(Guid id, CancellationToken ct) =>
        await sender.Send(new MarkReadCommand(UserId, id), ct) ? NoContent() : NotInInbox();

    [HttpPost("read-all")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<ActionResult> MarkAllRead(CancellationToken ct)
    {
        await sender.Send(new MarkAllReadCommand(UserId), ct);
        return NoContent();
    }

    [HttpDelete("{id:guid}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult> Delete(Guid id, CancellationToken ct) =>
        await sender.Send(new DeleteNotificationCommand(UserId, id), ct) ? NoContent() : NotInInbox();

    private ObjectResult NotInInbox() =>
        Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such notification in your inbox.");
}
