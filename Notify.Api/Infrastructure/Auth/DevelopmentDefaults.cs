namespace Notify.Api.Infrastructure.Auth;

/// <summary>
/// The values appsettings.Development.json ships. They are public, so they are refused outside Development.
/// </summary>
internal static class DevelopmentDefaults
{
    public const string SigningKey = "DEVELOPMENT-ONLY-signing-key-not-a-secret-0123456789";
    public const string ApiKey = "notify-dev-key";

    /// <summary>The placeholders in deploy/notify.env.example: public too, so never accepted as secrets.</summary>
    public const string ExampleSigningKey = "replace-with-a-random-secret-of-32-bytes-or-more";
    public const string ExampleApiKey = "replace-with-a-random-api-key";

    public static bool IsPublicSigningKey(string key) => key is SigningKey or ExampleSigningKey;
    public static bool IsPublicApiKey(string key) => key is ApiKey or ExampleApiKey;
}
