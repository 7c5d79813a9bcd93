using Microsoft.AspNetCore.SignalR;
using Notify.Api.Infrastructure.Groups;
using Notify.Contracts;
using Notify.Hubs;

namespace Notify.Api.Features.SendNotification;

/// <summary>
/// Pushes a notification to the live connections of its recipients, through the backplane to every instance.
/// Each recipient gets one copy: where targets overlap (named users and groups, or several groups), the groups
/// are resolved to their members and the union is sent user by user.
/// </summary>
public sealed class LiveDelivery(IHubContext<NotificationHub, INotificationClient> hub, IGroupStore groups)
{
    public async Task SendAsync(SendNotificationCommand to, NotificationDto notification, CancellationToken ct)
    {
        if (to.Everyone)
        {
            await hub.Clients.All.NotificationReceived(notification);
            return;
        }
        if (to.Users.Count == 0 && to.Groups.Count == 1)
        {
            // One group: one backplane message however many members it has.
            await hub.Clients.Group(to.Groups[0]).NotificationReceived(notification);
            return;
        }
        if (to.Groups.Count == 0)
        {
            await hub.Clients.Users(to.Users).NotificationReceived(notification);
            return;
        }

        var users = new HashSet<string>(to.Users, StringComparer.Ordinal);
        foreach (var group in to.Groups)
            users.UnionWith(await groups.MembersAsync(group, ct));
        if (users.Count > 0)
            await hub.Clients.Users([.. users]).NotificationReceived(notification);
    }
}
