using System.Net;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Inbox;

/// <summary>No Redis: the in-memory default keeps the same promises on one instance.</summary>
public sealed class SingleInstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InMemoryInstanceDeliversStoresAndResumes()
    {
        await using var solo = await NotifyInstance.StartAsync((string?)null, "notify:");
        var (user, group) = (Requests.Unique("u"), Requests.Unique("g"));
        var before = await solo.SendAsync(Requests.ToGroups("before joining", group));
        await solo.JoinAsync(group, user);
        await using (var client = await solo.ConnectAsync(user))
        {
            await solo.SendAsync(Requests.ToGroups("live", group));
            Assert.Equal("live", (await client.NextAsync()).Title);
        }
        for (var i = 0; i < 3; i++) await solo.SendAsync(Requests.ToUsers($"offline #{i}", user));

        var inbox = await solo.UserClientAsync(user);
        var all = await inbox.CatchUpAsync(0);

        Assert.Equal(["live", "offline #0", "offline #1", "offline #2"], all.Select(n => n.Title));
        Assert.DoesNotContain(all, n => n.Id == before.Id);
        Assert.Equal(4, await inbox.UnreadAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await inbox.PostAsync($"/api/me/notifications/{all[0].Id}/read", null, Ct)).StatusCode);
        Assert.Equal(3, await inbox.UnreadAsync());
        Assert.Equal(HttpStatusCode.OK, (await solo.Api.GetAsync("/health/ready", Ct)).StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task InboxKeepsOnlyTheNewestMaxPerUser(bool withRedis)
    {
        await using var redis = withRedis ? await RedisServer.StartAsync() : null;
        await using var instance = await NotifyInstance.StartAsync(redis?.ConnectionString, $"trim-{Guid.NewGuid():N}:",
            new Dictionary<string, string?> { ["Inbox:MaxPerUser"] = "5" });
        var user = Requests.Unique("u");
        for (var i = 0; i < 8; i++) await instance.SendAsync(Requests.ToUsers($"#{i}", user));

        var inbox = await instance.UserClientAsync(user);

        Assert.Equal(["#7", "#6", "#5", "#4", "#3"], (await inbox.PageAsync("?limit=100")).Items.Select(n => n.Title));
        Assert.Equal(5, await inbox.UnreadAsync());
    }
}
