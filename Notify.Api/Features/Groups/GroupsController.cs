using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Notify.Api.Infrastructure.RateLimiting;
using Notify.Api.Infrastructure.Auth;
using Notify.Api.Infrastructure.Validation;
using Notify.Contracts;

namespace Notify.Api.Features.Groups;

[ApiController, Route("api/groups/{group}/members")]
[EnableRateLimiting(RateLimitingExtensions.PublishPolicy)]
[Authorize(Policy = AuthExtensions.PublisherPolicy)]
public sealed class GroupsController(ISender sender, IValidator<GroupMemberRoute> validator) : ControllerBase
{
    /// <summary>Adds a user to a group; idempotent.</summary>
    [HttpPut("{userId}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public Task<ActionResult> Add(string? group, string? userId, CancellationToken ct) => Change(group, userId, true, ct);

    /// <summary>Removes a user from a group; idempotent.</summary>
    [HttpDelete("{userId}")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public Task<ActionResult> Remove(string? group, string? userId, CancellationToken ct) => Change(group, userId, false, ct);

    /// <summary>Lists a group's members; an unknown group has none.</summary>
    [HttpGet]
    [ProducesResponseType<GroupMembers>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<ActionResult<GroupMembers>> Members(string? group, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(new GroupMemberRoute(group, "-"), ct);
        if (!result.IsValid) return result.ToProblem(this);
        return await sender.Send(new GetGroupMembersQuery(group!), ct);
    }

    private async Task<ActionResult> Change(string? group, string? userId, bool isMember, CancellationToken ct)
    {
        // Routing decodes every escape in a path segment except %2F; finish the job so "a%2Fb" means the user "a/b".
        userId = userId?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var result = await validator.ValidateAsync(new GroupMemberRoute(group, userId), ct);
        if (!result.IsValid) return result.ToProblem(this);
        await sender.Send(new ChangeGroupMembershipCommand(group!, userId!, isMember), ct);
        return NoContent();
    }
}
