using System.Net.Http.Json;
using Notify.Contracts;

namespace Notify.Tests.Infrastructure;

public static class Requests
{
    public static SendNotificationRequest ToUsers(string title, params string[] users) =>
        new(new Recipients(Users: users), "test.message", title);

    public static SendNotificationRequest ToGroups(string title, params string[] groups) =>
        new(new Recipients(Groups: groups), "test.message", title);

    public static SendNotificationRequest ToEveryone(string title) =>
        new(new Recipients(Everyone: true), "test.message", title);

    public static async Task<NotificationAccepted> SendAsync(this NotifyInstance instance, SendNotificationRequest request)
    {
        var response = await instance.Api.PostAsJsonAsync("/api/notifications", request, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<NotificationAccepted>(TestContext.Current.CancellationToken))!;
    }

    public static async Task JoinAsync(this NotifyInstance instance, string group, string userId)
    {
        var response = await instance.Api.PutAsync($"/api/groups/{group}/members/{userId}", null, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The hub's negotiate call: the cheapest request that passes through the hub's authentication.</summary>
    public static Task<HttpResponseMessage> NegotiateAsync(this HttpClient client, string? token = null) =>
        client.PostAsync($"/hubs/notifications/negotiate?negotiateVersion=1{(token is null ? "" : $"&access_token={token}")}", null,
            TestContext.Current.CancellationToken);

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
