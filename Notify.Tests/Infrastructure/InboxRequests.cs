using System.Net.Http.Json;
using Notify.Contracts;

namespace Notify.Tests.Infrastructure;

/// <summary>The inbox API as a client uses it, including catch-up the way the web client does it.</summary>
public static class InboxRequests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<InboxPage> PageAsync(this HttpClient user, string query = "")
    {
        var response = await user.GetAsync($"/api/me/notifications{query}", Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<InboxPage>(Ct))!;
    }

    /// <summary>Everything after the sequence, oldest first, following the cursor to the end.</summary>
    public static async Task<List<NotificationDto>> CatchUpAsync(this HttpClient user, long after)
    {
        var all = new List<NotificationDto>();
        long? cursor = after;
        while (cursor is { } c)
        {
            var page = await user.PageAsync($"?after={c}&limit=100");
            all.AddRange(page.Items);
            cursor = page.Next;
        }
        return all;
    }

    public static async Task<int> UnreadAsync(this HttpClient user) =>
        (await user.GetFromJsonAsync<UnreadCount>("/api/me/notifications/unread-count", Ct))!.Unread;
}
