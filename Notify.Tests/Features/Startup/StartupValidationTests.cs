using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Startup;

/// <summary>
/// A bad setting stops start-up with exit code 1 and one line that names it; development defaults stay in
/// Development. These run the real process, as an operator would.
/// </summary>
public sealed class StartupValidationTests
{
    private static Dictionary<string, string?> Production(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Jwt__SigningKey"] = "a-production-signing-key-of-32-bytes-or-more!",
            ["Publishers__Keys__0__Name"] = "billing",
            ["Publishers__Keys__0__Key"] = "a-long-publisher-key",
        };
        foreach (var (k, v) in overrides) settings[k] = v;
        return settings;
    }

    private static async Task AssertStopsNaming(string setting, Dictionary<string, string?> environment)
    {
        var (exitCode, error, output) = await NotifyProcess.RunAsync(environment, TimeSpan.FromSeconds(30));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain("   at ", output);
        Assert.StartsWith("Notify cannot start:", line);
        Assert.Contains(setting, line);
    }

    [Fact]
    public Task MissingSigningKeyStopsStartup() => AssertStopsNaming("Jwt:SigningKey", Production(("Jwt__SigningKey", "")));

    [Fact]
    public Task ShortSigningKeyStopsStartup() => AssertStopsNaming("Jwt:SigningKey", Production(("Jwt__SigningKey", new string('k', 31))));

    [Fact]
    public Task DevelopmentSigningKeyStopsStartupOutsideDevelopment() =>
        AssertStopsNaming("Jwt:SigningKey", Production(("Jwt__SigningKey", "DEVELOPMENT-ONLY-signing-key-not-a-secret-0123456789")));

    [Fact]
    public Task NoPublisherKeysStopStartup() =>
        AssertStopsNaming("Publishers:Keys", Production(("Publishers__Keys__0__Name", null), ("Publishers__Keys__0__Key", null)));

    [Fact]
    public Task DevelopmentApiKeyStopsStartupOutsideDevelopment() =>
        AssertStopsNaming("Publishers:Keys:0:Key", Production(("Publishers__Keys__0__Key", "notify-dev-key")));

    [Fact]
    public Task ShortApiKeyStopsStartup() => AssertStopsNaming("Publishers:Keys:0:Key", Production(("Publishers__Keys__0__Key", "short")));

    [Fact]
    public Task UnparsableRedisConnectionStringStopsStartup() =>
        AssertStopsNaming("Redis:ConnectionString", Production(("Redis__ConnectionString", "127.0.0.1:6379,notAnOption=1")));

    [Fact]
    public Task EmptyChannelPrefixWithRedisStopsStartupOutsideDevelopment() =>
        AssertStopsNaming("Redis:ChannelPrefix", Production(("Redis__ConnectionString", "127.0.0.1:1,abortConnect=false"), ("Redis__ChannelPrefix", "")));

    [Fact]
    public Task ExampleSigningKeyFromTheEnvFileStopsStartup() =>
        AssertStopsNaming("Jwt:SigningKey", Production(("Jwt__SigningKey", "replace-with-a-random-secret-of-32-bytes-or-more")));

    [Fact]
    public Task ExampleApiKeyFromTheEnvFileStopsStartup() =>
        AssertStopsNaming("Publishers:Keys:0:Key", Production(("Publishers__Keys__0__Key", "replace-with-a-random-api-key")));

    [Fact]
    public Task OneKeyForTwoCallersStopsStartup() =>
        AssertStopsNaming("Publishers:Keys", Production(("Publishers__Keys__1__Name", "shipping"), ("Publishers__Keys__1__Key", "a-long-publisher-key")));

    [Fact]
    public Task ChannelPrefixWithoutColonStopsStartup() =>
        AssertStopsNaming("Redis:ChannelPrefix", Production(("Redis__ConnectionString", "127.0.0.1:1,abortConnect=false"), ("Redis__ChannelPrefix", "notify")));

    [Fact]
    public Task NonNumericLimitStopsStartup() => AssertStopsNaming("RateLimits:InboxPerSecond", Production(("RateLimits__InboxPerSecond", "abc")));

    [Fact]
    public Task OutOfRangeInboxRetentionStopsStartup() => AssertStopsNaming("RetentionDays", Production(("Inbox__RetentionDays", "0")));

    [Fact]
    public async Task ProductionStartsWithGoodSettingsAndHasNoDevTokenEndpoint()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = "a-production-signing-key-of-32-bytes-or-more!",
            ["Publishers:Keys:0:Name"] = "billing",
            ["Publishers:Keys:0:Key"] = "a-long-publisher-key",
            ["Shutdown:DrainSeconds"] = "0",
        };
        await using var instance = await NotifyInstance.StartAsync(null, "notify:", settings, environment: "Production");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(System.Net.HttpStatusCode.OK, (await instance.Anonymous().GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await instance.Anonymous().PostAsync("/api/dev/token", null, ct)).StatusCode);
    }
}
