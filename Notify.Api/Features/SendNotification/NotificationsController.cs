using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Notify.Api.Infrastructure.Auth;
using Notify.Api.Infrastructure.Errors;
using Notify.Api.Infrastructure.Validation;
using Notify.Contracts;

namespace Notify.Api.Features.SendNotification;

[ApiController, Route("api/notifications")]
[Authorize(Policy = AuthExtensions.PublisherPolicy)]
public sealed class NotificationsController(ISender sender, IValidator<SendNotificationRequest> validator) : ControllerBase
{
    /// <summary>Notify one or more users, groups, or everyone.</summary>
    [HttpPost]
    [RequestSizeLimit(RequestLimits.MaxBodyBytes)]
    [ProducesResponseType<NotificationAccepted>(StatusCodes.Status202Accepted)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable)]
    public async Task<ActionResult<NotificationAccepted>> Send([FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Disallow)] SendNotificationRequest request, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(request, ct);
        if (!result.IsValid) return result.ToProblem(this);

        var accepted = await sender.Send(SendNotificationCommand.From(request, User.Identity!.Name!), ct);
        return Accepted(accepted);
    }
}
