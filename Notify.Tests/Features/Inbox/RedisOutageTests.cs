using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Inbox;

/// <summary>Its own redis-server, stopped and started again under two running instances.</summary>
public sealed class RedisOutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WhileRedisIsDownPublishIs503AndNotReadyThenEverythingResumesWithoutRestart()
    {
        await using var redis = await RedisServer.StartAsync();
        var prefix = $"outage-{Guid.NewGuid():N}:";
        await using var a = await NotifyInstance.StartAsync(redis.ConnectionString, prefix);
        await using var b = await NotifyInstance.StartAsync(redis.ConnectionString, prefix);
        var user = Requests.Unique("u");
        await using var onB = await b.ConnectAsync(user);
        var resync = onB.NextEventAsync("ResyncRequested", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(async () => (await a.Api.GetAsync("/health/ready", Ct)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "readiness once the first canary is back");

        await redis.StopAsync();

        await Eventually.TrueAsync(async () => (await a.Api.GetAsync("/health/ready", Ct)).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(10), "readiness to turn unhealthy");
        var refused = await a.Api.PostAsync("/api/notifications", System.Net.Http.Json.JsonContent.Create(Requests.ToUsers("lost?", user)), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await a.Api.GetAsync("/health/live", Ct)).StatusCode);
        // A connection that could not be subscribed would miss sends silently: it is refused, and the client retries.
        await Assert.ThrowsAnyAsync<Exception>(() => a.ConnectAsync(Requests.Unique("u")));

        await redis.StartAgainAsync();

        await Eventually.TrueAsync(async () => (await a.Api.GetAsync("/health/ready", Ct)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "readiness to recover");
        // The backplane resubscribes by itself; keep publishing until one crosses from A to B.
        var crossed = onB.WaitForAsync("after the outage", TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(async () =>
        {
            var sent = await a.Api.PostAsync("/api/notifications", System.Net.Http.Json.JsonContent.Create(Requests.ToUsers("after the outage", user)), Ct);
            if (sent.StatusCode != HttpStatusCode.Accepted) return false;
            try
            {
                await crossed.WaitAsync(TimeSpan.FromMilliseconds(500), Ct);
                return true;
            }
            catch (TimeoutException)
            {
                return false; // not across yet: publish again
            }
        }, TimeSpan.FromSeconds(20), "a notification posted to A to reach the user on B");
        Assert.DoesNotContain(onB.Received, n => n.Title == "lost?");
        await resync; // B's link came back, so B told its connections to catch up

    }
}
