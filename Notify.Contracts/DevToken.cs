namespace Notify.Contracts;

/// <summary>The body of the Development-only <c>POST /api/dev/token</c>.</summary>
/// <param name="UserId">The user to sign a token for (its <c>sub</c>), 1 to 128 characters.</param>
public sealed record DevTokenRequest(string? UserId);

/// <summary>A signed token for the hub and the inbox API.</summary>
/// <param name="AccessToken">The JWT; send it as <c>Authorization: Bearer</c>, or as <c>?access_token=</c> to the hub.</param>
public sealed record DevTokenResponse(string AccessToken);
