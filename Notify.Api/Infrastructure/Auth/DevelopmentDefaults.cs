namespace Notify.Api.Infrastructure.Auth;

/// <summary>
/// The values appsettings.Development.json ships. They are public, so they are refused outside Development.
/// </summary>
internal static class DevelopmentDefaults
{
    public const string SigningKey = "DEVELOPMENT-ONLY-signing-key-not-a-secret-0123456789";
    public const string ApiKey = "notify-dev-key";
}
