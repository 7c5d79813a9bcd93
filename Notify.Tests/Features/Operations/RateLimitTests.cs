using System.Net;
using System.Net.Http.Json;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Operations;

public sealed class RateLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublisherOverItsBurstGets429WithRetryAfterWhileAnotherKeyIsNotLimited()
    {
        await using var instance = await NotifyInstance.StartAsync(null, "notify:", new Dictionary<string, string?>
        {
            ["RateLimits:PublishPerSecond"] = "1",
            ["RateLimits:PublishBurst"] = "3",
            ["Publishers:Keys:1:Name"] = "other",
            ["Publishers:Keys:1:Key"] = "another-publisher-key",
        });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
            statuses.Add((await instance.Api.PostAsJsonAsync("/api/notifications", Requests.ToUsers($"#{i}", "u1"), Ct)).StatusCode);
        var limited = await instance.Api.PostAsJsonAsync("/api/notifications", Requests.ToUsers("more", "u1"), Ct);
        var other = instance.Anonymous();
        other.DefaultRequestHeaders.Add("X-Api-Key", "another-publisher-key");

        var otherStatus = (await other.PostAsJsonAsync("/api/notifications", Requests.ToUsers("other", "u1"), Ct)).StatusCode;

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, otherStatus);
    }

    [Fact]
    public async Task InboxIsLimitedPerUser()
    {
        await using var instance = await NotifyInstance.StartAsync(null, "notify:", new Dictionary<string, string?>
        {
            ["RateLimits:InboxPerSecond"] = "1",
            ["RateLimits:InboxBurst"] = "2",
        });
        var u1 = await instance.UserClientAsync("u1");
        var u2 = await instance.UserClientAsync("u2");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await u1.GetAsync("/api/me/notifications", Ct)).StatusCode);

        var other = await u2.GetAsync("/api/me/notifications/unread-count", Ct);

        Assert.All(statuses.Take(2), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Skip(2));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
