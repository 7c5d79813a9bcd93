using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Operations;

public sealed class CorsTests
{
    private static readonly Dictionary<string, string?> Production = new()
    {
        ["Jwt:SigningKey"] = "a-production-signing-key-of-32-bytes-or-more!",
        ["Publishers:Keys:0:Name"] = "billing",
        ["Publishers:Keys:0:Key"] = "a-long-publisher-key",
        ["Shutdown:DrainSeconds"] = "0",
    };

    private static async Task<string?> AllowedOriginFor(NotifyInstance instance, string origin)
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/me/notifications");
        preflight.Headers.Add("Origin", origin);
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await instance.Anonymous().SendAsync(preflight, TestContext.Current.CancellationToken);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    [Fact]
    public async Task OutsideDevelopmentNoOriginIsAllowedByDefault()
    {
        await using var instance = await NotifyInstance.StartAsync(null, "notify:", Production, environment: "Production");

        Assert.Null(await AllowedOriginFor(instance, "https://app.example"));
    }

    [Fact]
    public async Task ConfiguredOriginIsAllowedAndOthersAreNot()
    {
        await using var instance = await NotifyInstance.StartAsync(null, "notify:",
            new Dictionary<string, string?>(Production) { ["Cors:AllowedOrigins:0"] = "https://app.example" }, environment: "Production");

        Assert.Equal("https://app.example", await AllowedOriginFor(instance, "https://app.example"));
        Assert.Null(await AllowedOriginFor(instance, "https://evil.example"));
    }
}
