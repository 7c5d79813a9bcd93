using Microsoft.Extensions.Options;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Startup;

/// <summary>A bad setting stops start-up with a message that names it; development defaults stay in Development.</summary>
public sealed class StartupValidationTests
{
    private const string GoodKey = "a-production-signing-key-of-32-bytes-or-more!";

    private static Dictionary<string, string?> Production(params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jwt:SigningKey"] = GoodKey,
            ["Publishers:Keys:0:Name"] = "billing",
            ["Publishers:Keys:0:Key"] = "a-long-publisher-key",
        };
        foreach (var (k, v) in overrides) settings[k] = v;
        return settings;
    }

    private static async Task<string> StartupError(Dictionary<string, string?> settings, string? redis = null)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await (await NotifyInstance.StartAsync(redis, "notify:", settings, environment: "Production")).DisposeAsync());
        return error is OptionsValidationException ? error.Message : error.ToString();
    }

    [Fact]
    public async Task ProductionStartsWithGoodSettings()
    {
        await using var instance = await NotifyInstance.StartAsync(null, "notify:", Production(), environment: "Production");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await instance.Anonymous().GetAsync("/health/live", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound,
            (await instance.Anonymous().PostAsync("/api/dev/token", null, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task MissingSigningKeyStopsStartup() =>
        Assert.Contains("Jwt:SigningKey", await StartupError(Production(("Jwt:SigningKey", ""))));

    [Fact]
    public async Task ShortSigningKeyStopsStartup() =>
        Assert.Contains("Jwt:SigningKey", await StartupError(Production(("Jwt:SigningKey", new string('k', 31)))));

    [Fact]
    public async Task DevelopmentSigningKeyStopsStartupOutsideDevelopment() =>
        Assert.Contains("Jwt:SigningKey", await StartupError(Production(("Jwt:SigningKey", "DEVELOPMENT-ONLY-signing-key-not-a-secret-0123456789"))));

    [Fact]
    public async Task NoPublisherKeysStopStartup() =>
        Assert.Contains("Publishers:Keys", await StartupError(Production(("Publishers:Keys:0:Name", null), ("Publishers:Keys:0:Key", null))));

    [Fact]
    public async Task DevelopmentApiKeyStopsStartupOutsideDevelopment() =>
        Assert.Contains("Publishers:Keys:0:Key", await StartupError(Production(("Publishers:Keys:0:Key", "notify-dev-key"))));

    [Fact]
    public async Task UnparsableRedisConnectionStringStopsStartup() =>
        Assert.Contains("Redis:ConnectionString", await StartupError(Production(), redis: "127.0.0.1:6379,notAnOption=1"));

    [Fact]
    public async Task EmptyChannelPrefixWithRedisStopsStartupOutsideDevelopment() =>
        Assert.Contains("Redis:ChannelPrefix", await StartupError(Production(("Redis:ChannelPrefix", "")), redis: "127.0.0.1:1,abortConnect=false"));
}
