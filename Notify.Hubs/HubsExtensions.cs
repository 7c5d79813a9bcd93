using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Notify.Hubs;

/// <summary>Registers and maps Notify's hub.</summary>
public static class HubsExtensions
{
    /// <summary>The hub's path.</summary>
    public const string HubPath = "/hubs/notifications";

    /// <summary>Adds SignalR, the <c>sub</c> user id provider and the connection registry.</summary>
    public static ISignalRServerBuilder AddNotifyHubs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IUserIdProvider, SubClaimUserIdProvider>();
        builder.Services.AddSingleton<ConnectionRegistry>();
        builder.Services.AddSingleton<GroupMembershipApplier>();
        return builder.Services.AddSignalR(o =>
        {
            // The hub takes no input, so a client message never needs to be large.
            o.MaximumReceiveMessageSize = 4 * 1024;
        });
    }

    /// <summary>Maps the hub at <see cref="HubPath"/>.</summary>
    public static IEndpointRouteBuilder MapNotifyHubs(this IEndpointRouteBuilder endpoints)
    {
        // WebSockets only: clients skip negotiation, so a load balancer needs no sticky sessions.
        endpoints.MapHub<NotificationHub>(HubPath, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            // A connection lives no longer than its token; the client reconnects with a fresh one.
            o.CloseOnAuthenticationExpiration = true;
        });
        return endpoints;
    }
}
