using Microsoft.AspNetCore.SignalR;

namespace Notify.Hubs;

/// <summary>The user id is the token's <c>sub</c>, read explicitly: the default provider reads NameIdentifier.</summary>
public sealed class SubClaimUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User.FindFirst("sub")?.Value;
}
