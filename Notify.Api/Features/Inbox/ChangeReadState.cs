using Mediator;
using Microsoft.AspNetCore.SignalR;
using Notify.Api.Infrastructure.Inbox;
using Notify.Contracts;
using Notify.Hubs;

namespace Notify.Api.Features.Inbox;

/// <summary>Marks one notification read; false when it is not in the user's inbox.</summary>
public sealed record MarkReadCommand(string UserId, Guid Id) : ICommand<bool>;

public sealed record MarkAllReadCommand(string UserId) : ICommand;

/// <summary>Deletes one notification from the user's inbox; false when it is not there.</summary>
public sealed record DeleteNotificationCommand(string UserId, Guid Id) : ICommand<bool>;

/// <summary>
/// Read-state changes. Each is stored, then pushed to all of the user's connections on every instance with the
/// new unread count, so every open tab agrees.
/// </summary>
public sealed class ChangeReadStateHandler(IInboxStore store, InboxView inbox, IHubContext<NotificationHub, INotificationClient> hub, TimeProvider clock)
    : ICommandHandler<MarkReadCommand, bool>, ICommandHandler<MarkAllReadCommand>, ICommandHandler<DeleteNotificationCommand, bool>
{
    public async ValueTask<bool> Handle(MarkReadCommand command, CancellationToken ct)
    {
        var view = await inbox.LoadAsync(command.UserId, ct);
        if (view.Find(command.Id) is not { } entry) return false;
        if (view.ReadAt(entry) is null)
        {
            var at = clock.GetUtcNow();
            await store.MarkReadAsync(command.UserId, command.Id, at, ct);
            await Clients(command.UserId).NotificationRead(new NotificationReadEvent(command.Id, at));
            // Derived from the view already loaded: one unread fewer.
            await Clients(command.UserId).UnreadCountChanged(new UnreadCount(view.UnreadCount - 1));
        }
        return true;
    }

    public async ValueTask<Unit> Handle(MarkAllReadCommand command, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var upTo = await store.MarkAllReadAsync(command.UserId, at, ct);
        await Clients(command.UserId).AllNotificationsRead(new AllReadEvent(upTo, at));
        // Everything stored up to now is read.
        await Clients(command.UserId).UnreadCountChanged(new UnreadCount(0));
        return Unit.Value;
    }

    public async ValueTask<bool> Handle(DeleteNotificationCommand command, CancellationToken ct)
    {
        var view = await inbox.LoadAsync(command.UserId, ct);
        if (view.Find(command.Id) is not { } entry) return false;
        await store.DeleteAsync(command.UserId, command.Id, ct);
        await Clients(command.UserId).NotificationDeleted(new NotificationDeletedEvent(command.Id));
        await Clients(command.UserId).UnreadCountChanged(new UnreadCount(view.UnreadCount - (view.ReadAt(entry) is null ? 1 : 0)));
        return true;
    }

    private INotificationClient Clients(string userId) => hub.Clients.User(userId);
}
