namespace Notify.Hubs;

/// <summary>Reads the groups a user belongs to; membership is the server's, never the client's.</summary>
public interface IUserGroups
{
    /// <summary>The user's current groups.</summary>
    Task<IReadOnlyCollection<string>> GetGroupsAsync(string userId, CancellationToken ct);
}
