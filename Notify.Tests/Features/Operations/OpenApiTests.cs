using System.Text.Json;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Operations;

public sealed class OpenApiTests
{
    [Fact]
    public async Task DocumentListsEveryEndpointWithResponsesAndTheReferencePageIsServed()
    {
        await using var instance = await NotifyInstance.StartAsync((string?)null, "notify:");
        var ct = TestContext.Current.CancellationToken;

        using var doc = JsonDocument.Parse(await instance.Api.GetStringAsync("/openapi/v1.json", ct));
        var paths = doc.RootElement.GetProperty("paths");

        string[] expected =
        [
            "/api/notifications", "/api/groups/{group}/members/{userId}", "/api/groups/{group}/members", "/api/me/groups",
            "/api/me/notifications", "/api/me/notifications/unread-count", "/api/me/notifications/{id}/read",
            "/api/me/notifications/read-all", "/api/me/notifications/{id}", "/api/dev/token",
        ];
        Assert.All(expected, p => Assert.True(paths.TryGetProperty(p, out _), $"{p} is missing"));
        var publish = paths.GetProperty("/api/notifications").GetProperty("post");
        Assert.True(publish.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(publish.GetProperty("responses").TryGetProperty("503", out _));
        Assert.True(publish.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").TryGetProperty("example", out _));
        Assert.Contains("html", (await instance.Api.GetAsync("/docs", ct)).Content.Headers.ContentType?.MediaType);
    }
}
