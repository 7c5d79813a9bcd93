using System.Net;
using System.Net.Http.Json;
using Notify.Contracts;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Inbox;

public sealed class InboxTests(TwoInstances notify) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AcceptedNotificationIsInTheInboxWithEveryField()
    {
        var user = Requests.Unique("u");
        var accepted = await notify.A.SendAsync(new(new(Users: [user]), "order.shipped", "Shipped", "Parcel 123", "success",
            "https://shop.example/orders/123", System.Text.Json.JsonDocument.Parse("{\"orderId\":123}").RootElement));

        var page = await (await notify.B.UserClientAsync(user)).PageAsync();

        var n = Assert.Single(page.Items);
        Assert.Equal((accepted.Id, "order.shipped", "Shipped", "Parcel 123", "success", "https://shop.example/orders/123"),
            (n.Id, n.Type, n.Title, n.Body, n.Severity, n.Link));
        Assert.Equal(123, n.Data!.Value.GetProperty("orderId").GetInt32());
        Assert.True(n.Sequence > 0);
        Assert.Null(n.ReadAt);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task LiveNotificationCarriesTheSequenceTheInboxHas()
    {
        var user = Requests.Unique("u");
        await using var client = await notify.B.ConnectAsync(user);

        await notify.A.SendAsync(Requests.ToUsers("one", user));
        var live = await client.NextAsync();

        var stored = Assert.Single((await (await notify.A.UserClientAsync(user)).PageAsync()).Items);
        Assert.Equal((stored.Id, stored.Sequence), (live.Id, live.Sequence));
    }

    [Fact]
    public async Task PagesGoNewestFirstWithACursor()
    {
        var user = Requests.Unique("u");
        for (var i = 0; i < 5; i++) await notify.A.SendAsync(Requests.ToUsers($"#{i}", user));
        var inbox = await notify.A.UserClientAsync(user);

        var first = await inbox.PageAsync("?limit=2");
        var second = await inbox.PageAsync($"?limit=2&before={first.Next}");
        var third = await inbox.PageAsync($"?limit=2&before={second.Next}");

        Assert.Equal(["#4", "#3", "#2", "#1", "#0"], first.Items.Concat(second.Items).Concat(third.Items).Select(n => n.Title));
        Assert.Null(third.Next);
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=101", "limit")]
    [InlineData("?before=0", "before")]
    [InlineData("?after=-1", "after")]
    [InlineData("?after=1&before=5", "after")]
    [InlineData("?limit=ten", "limit")]
    public async Task BadPagingIsValidationProblem(string query, string field)
    {
        var response = await (await notify.A.UserClientAsync("u1")).GetAsync($"/api/me/notifications{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task LimitOf100IsAccepted()
    {
        var response = await (await notify.A.UserClientAsync("u1")).GetAsync("/api/me/notifications?limit=100", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task UserWhoJoinsLaterDoesNotSeeWhatWasSentBeforeAndKeepsWhatCameWhileAMember()
    {
        var (user, group) = (Requests.Unique("u"), Requests.Unique("g"));
        var before = await notify.A.SendAsync(Requests.ToGroups("before joining", group));
        await notify.B.JoinAsync(group, user);
        var during = await notify.A.SendAsync(Requests.ToGroups("while a member", group));
        Assert.Equal(HttpStatusCode.NoContent, (await notify.A.Api.DeleteAsync($"/api/groups/{group}/members/{user}", Ct)).StatusCode);
        var after = await notify.A.SendAsync(Requests.ToGroups("after leaving", group));

        var ids = (await (await notify.A.UserClientAsync(user)).CatchUpAsync(0)).Select(n => n.Id).ToList();

        Assert.Equal([during.Id], ids);
        Assert.NotEqual(before.Id, after.Id);
    }

    [Fact]
    public async Task ReadOnOneConnectionUpdatesTheUsersOtherConnectionOnTheOtherInstance()
    {
        var user = Requests.Unique("u");
        await using var onA = await notify.A.ConnectAsync(user);
        await using var onB = await notify.B.ConnectAsync(user);
        var first = await notify.A.SendAsync(Requests.ToUsers("first", user));
        await notify.A.SendAsync(Requests.ToUsers("second", user));
        var inbox = await notify.A.UserClientAsync(user);
        Assert.Equal(2, await inbox.UnreadAsync());

        var read = await inbox.PostAsync($"/api/me/notifications/{first.Id}/read", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, read.StatusCode);
        Assert.Equal(first.Id, (await onB.NextEventAsync("NotificationRead")).GetProperty("id").GetGuid());
        Assert.Equal(1, (await onB.NextEventAsync("UnreadCountChanged")).GetProperty("unread").GetInt32());
        Assert.Equal(1, (await onA.NextEventAsync("UnreadCountChanged")).GetProperty("unread").GetInt32());
        var stored = (await inbox.PageAsync()).Items.Single(n => n.Id == first.Id);
        Assert.NotNull(stored.ReadAt);
    }

    [Fact]
    public async Task ReadAllAndDeleteAreStoredAndPushed()
    {
        var user = Requests.Unique("u");
        await using var onB = await notify.B.ConnectAsync(user);
        var one = await notify.A.SendAsync(Requests.ToUsers("one", user));
        await notify.A.SendAsync(Requests.ToUsers("two", user));
        var inbox = await notify.A.UserClientAsync(user);

        Assert.Equal(HttpStatusCode.NoContent, (await inbox.PostAsync("/api/me/notifications/read-all", null, Ct)).StatusCode);
        Assert.Equal(0, (await onB.NextEventAsync("UnreadCountChanged")).GetProperty("unread").GetInt32());
        Assert.Equal(0, await inbox.UnreadAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await inbox.DeleteAsync($"/api/me/notifications/{one.Id}", Ct)).StatusCode);
        Assert.Equal(one.Id, (await onB.NextEventAsync("NotificationDeleted")).GetProperty("id").GetGuid());
        Assert.Equal(["two"], (await inbox.PageAsync()).Items.Select(n => n.Title));

        await notify.B.SendAsync(Requests.ToUsers("three", user));
        Assert.Equal(1, await inbox.UnreadAsync());
    }

    [Fact]
    public async Task NoUserCanSeeReadOrDeleteAnotherUsersNotification()
    {
        var (u1, u2) = (Requests.Unique("u1"), Requests.Unique("u2"));
        var mine = await notify.A.SendAsync(Requests.ToUsers("for u1 only", u1));
        var intruder = await notify.B.UserClientAsync(u2);

        var list = await intruder.PageAsync();
        var caughtUp = await intruder.CatchUpAsync(0);
        var read = await intruder.PostAsync($"/api/me/notifications/{mine.Id}/read", null, Ct);
        var delete = await intruder.DeleteAsync($"/api/me/notifications/{mine.Id}", Ct);

        Assert.DoesNotContain(list.Items, n => n.Id == mine.Id);
        Assert.DoesNotContain(caughtUp, n => n.Id == mine.Id);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        var owner = await notify.A.UserClientAsync(u1);
        var stored = Assert.Single((await owner.PageAsync()).Items);
        Assert.Null(stored.ReadAt);
        Assert.Equal(1, await owner.UnreadAsync());
    }

    [Fact]
    public async Task InboxWithoutTokenIs401()
    {
        var response = await notify.A.Anonymous().GetAsync("/api/me/notifications", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SameIdempotencyKeyGivesOneNotificationAndTheSameIdOnEitherInstance()
    {
        var user = Requests.Unique("u");
        var key = Guid.NewGuid().ToString();
        var request = Requests.ToUsers("charged", user);

        var first = await PostWithKey(notify.A, request, key);
        var retry = await PostWithKey(notify.B, request, key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        var (a, b) = (await first.Content.ReadFromJsonAsync<NotificationAccepted>(Ct), await retry.Content.ReadFromJsonAsync<NotificationAccepted>(Ct));
        Assert.Equal(a, b);
        Assert.Single((await (await notify.A.UserClientAsync(user)).PageAsync()).Items);
    }

    [Fact]
    public async Task SameIdempotencyKeyWithAnotherBodyIs422()
    {
        var key = Guid.NewGuid().ToString();
        await PostWithKey(notify.A, Requests.ToUsers("one", "u1"), key);

        var reused = await PostWithKey(notify.A, Requests.ToUsers("another", "u1"), key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task IdempotencyKeysAreScopedToTheCallerAndBounded()
    {
        var tooLong = await PostWithKey(notify.A, Requests.ToUsers("x", "u1"), new string('k', 201));
        var longest = await PostWithKey(notify.A, Requests.ToUsers("x", "u1"), new string('k', 200));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, longest.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyOrBlankIdempotencyKeyIs400(string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = JsonContent.Create(Requests.ToUsers("x", "u1")) };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        var response = await notify.A.Api.SendAsync(message, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task RepeatedIdempotencyKeyHeaderIs400()
    {
        // HttpClient folds repeated headers into one line, so this request is written by hand.
        const string body = "{\"to\":{\"users\":[\"u1\"]},\"type\":\"a\",\"title\":\"x\"}";
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(notify.A.BaseAddress.Host, notify.A.BaseAddress.Port, Ct);
        var stream = tcp.GetStream();
        var request = $"POST /api/notifications HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: notify-dev-key\r\nIdempotency-Key: a\r\nIdempotency-Key: b\r\n" +
                      $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(request), Ct);

        var statusLine = await new StreamReader(stream).ReadLineAsync(Ct);

        Assert.StartsWith("HTTP/1.1 400", statusLine);
    }

    private static Task<HttpResponseMessage> PostWithKey(NotifyInstance instance, SendNotificationRequest request, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/notifications") { Content = JsonContent.Create(request) };
        message.Headers.Add("Idempotency-Key", key);
        return instance.Api.SendAsync(message, Ct);
    }
}
