using Microsoft.AspNetCore.SignalR;

namespace Notify.Hubs;

/// <summary>Applies a membership change to the user's connections on this instance.</summary>
public sealed class GroupMembershipApplier(ConnectionRegistry registry, IHubContext<NotificationHub, INotificationClient> hub)
{
    public async Task ApplyAsync(string userId, string group, bool isMember, CancellationToken ct)
    {
        foreach (var connectionId in registry.ConnectionsOf(userId))
        {
            if (isMember)
                await hub.Groups.AddToGroupAsync(connectionId, group, ct);
            else
                await hub.Groups.RemoveFromGroupAsync(connectionId, group, ct);
        }
    }
}
