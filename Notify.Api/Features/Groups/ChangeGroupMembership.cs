using Mediator;
using Notify.Api.Infrastructure.Groups;

namespace Notify.Api.Features.Groups;

/// <summary>Adds or removes a member; the change is stored, then applied to the user's live connections everywhere.</summary>
public sealed record ChangeGroupMembershipCommand(string Group, string UserId, bool IsMember) : ICommand;

public sealed class ChangeGroupMembershipHandler(IGroupStore store, IMembershipBus bus, ILogger<ChangeGroupMembershipHandler> logger)
    : ICommandHandler<ChangeGroupMembershipCommand>
{
    public async ValueTask<Unit> Handle(ChangeGroupMembershipCommand command, CancellationToken ct)
    {
        var changed = command.IsMember
            ? await store.AddAsync(command.Group, command.UserId, ct)
            : await store.RemoveAsync(command.Group, command.UserId, ct);
        // Publish even when nothing changed: a retry after a lost publish must still reach the connections.
        await bus.PublishAsync(new MembershipChange(command.Group, command.UserId, command.IsMember), ct);
        if (changed)
            logger.LogInformation("User {UserId} {Change} group {Group}", command.UserId, command.IsMember ? "joined" : "left", command.Group);
        return Unit.Value;
    }
}

public sealed record GetGroupMembersQuery(string Group) : IQuery<Contracts.GroupMembers>;

public sealed class GetGroupMembersHandler(IGroupStore store) : IQueryHandler<GetGroupMembersQuery, Contracts.GroupMembers>
{
    public async ValueTask<Contracts.GroupMembers> Handle(GetGroupMembersQuery query, CancellationToken ct) =>
        new(query.Group, await store.MembersAsync(query.Group, ct));
}
