using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Notify.Contracts;

namespace Notify.Hubs;

/// <summary>
/// The browser's live channel. It takes no input: clients cannot join groups or send to others,
/// they only receive. Catching up after a reconnect goes through the inbox API.
/// </summary>
[Authorize]
public sealed class NotificationHub(ConnectionRegistry registry, IUserGroups userGroups) : Hub<INotificationClient>
{
    public override async Task OnConnectedAsync()
    {
        var userId = Context.UserIdentifier;
        if (string.IsNullOrEmpty(userId))
        {
            Context.Abort();
            return;
        }

        // Register before reading membership: a change stored after the read is then applied by the registry.
        registry.Add(userId, Context.ConnectionId);
        IReadOnlyCollection<string> groups;
        try
        {
            groups = await userGroups.GetGroupsAsync(userId, Context.ConnectionAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without its groups the connection would miss group sends silently; refuse it with a reason instead.
            registry.Remove(userId, Context.ConnectionId);
            throw new HubException("Notify cannot read your groups right now (storage unavailable); reconnect shortly.", e);
        }
        foreach (var group in groups)
            await Groups.AddToGroupAsync(Context.ConnectionId, group, Context.ConnectionAborted);
        // The handshake completes before this method ends; this event tells the client the groups are in place.
        await Clients.Caller.SessionStarted(new SessionStarted(userId, [.. groups.Order(StringComparer.Ordinal)]));
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.UserIdentifier is { } userId)
            registry.Remove(userId, Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
