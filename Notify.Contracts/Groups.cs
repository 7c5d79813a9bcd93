namespace Notify.Contracts;

/// <summary>The answer to <c>GET /api/groups/{group}/members</c>.</summary>
/// <param name="Group">The group's name.</param>
/// <param name="Members">Its members' user ids, sorted.</param>
public sealed record GroupMembers(string Group, IReadOnlyList<string> Members);
