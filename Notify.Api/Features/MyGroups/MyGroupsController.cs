using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Notify.Api.Infrastructure.RateLimiting;
using Notify.Hubs;

namespace Notify.Api.Features.MyGroups;

/// <summary>The signed-in user's groups, for the page to show.</summary>
public sealed record MyGroups(IReadOnlyList<string> Groups);

public sealed record GetMyGroupsQuery(string UserId) : IQuery<MyGroups>;

public sealed class GetMyGroupsHandler(IUserGroups groups) : IQueryHandler<GetMyGroupsQuery, MyGroups>
{
    public async ValueTask<MyGroups> Handle(GetMyGroupsQuery query, CancellationToken ct) =>
        new([.. (await groups.GetGroupsAsync(query.UserId, ct)).Order(StringComparer.Ordinal)]);
}

[ApiController, Route("api/me/groups"), Authorize]
[EnableRateLimiting(RateLimitingExtensions.InboxPolicy)]
public sealed class MyGroupsController(ISender sender) : ControllerBase
{
    [HttpGet]
    [ProducesResponseType<MyGroups>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    public async Task<MyGroups> Get(CancellationToken ct) => await sender.Send(new GetMyGroupsQuery(User.FindFirst("sub")!.Value), ct);
}
