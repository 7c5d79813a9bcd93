using System.Security.Cryptography;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Notify.Api.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Notify.Api.Infrastructure.Auth;
using Notify.Api.Infrastructure.Errors;
using Notify.Api.Infrastructure.Inbox;
using Notify.Api.Infrastructure.Validation;
using Notify.Contracts;

namespace Notify.Api.Features.SendNotification;

[ApiController, Route("api/notifications")]
[EnableRateLimiting(RateLimitingExtensions.PublishPolicy)]
[Authorize(Policy = AuthExtensions.PublisherPolicy)]
public sealed class NotificationsController(ISender sender, IValidator<SendNotificationRequest> validator) : ControllerBase
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>Notify one or more users, groups, or everyone. Stored before it is answered.</summary>
    /// <remarks>An optional Idempotency-Key header (1..200 characters) makes a retry within 24 hours return the first answer.</remarks>
    /// <param name="request">Recipients and content.</param>
    /// <param name="ct">Aborted with the request.</param>
    [HttpPost]
    [RequestSizeLimit(RequestLimits.MaxBodyBytes)]
    [ProducesResponseType<NotificationAccepted>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<NotificationAccepted>> Send(
        [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Disallow)] SendNotificationRequest request,
        CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        // Read raw: model binding turns an empty header into "absent" and joins repeated ones.
        var keys = Request.Headers[IdempotencyHeader];
        var idempotencyKey = keys.Count == 1 ? keys[0] : null;
        if (keys.Count > 1)
            result.Errors.Add(new(IdempotencyHeader, $"Send '{IdempotencyHeader}' once."));
        else if (keys.Count == 1 && (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxIdempotencyKeyLength))
            result.Errors.Add(new(IdempotencyHeader, $"'{IdempotencyHeader}' must be 1 to {MaxIdempotencyKeyLength} characters, not all white space."));
        if (!result.IsValid) return result.ToProblem(this);

        var caller = User.Identity!.Name!;
        var claim = idempotencyKey is null ? null : new IdempotencyClaim(caller, idempotencyKey, Hash(request));
        var sent = await sender.Send(SendNotificationCommand.From(request, caller, claim), ct);
        if (sent.KeyReused)
            return Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused",
                detail: $"This {IdempotencyHeader} was used in the last 24 hours with a different request body.");
        if (sent.Replayed) Response.Headers["Idempotent-Replayed"] = "true";
        return Accepted(sent.Accepted);
    }

    private static string Hash(SendNotificationRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request)));
}
