using System.Net;
using System.Net.Http.Json;
using Notify.Contracts;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Groups;

public sealed class GroupMembershipTests(TwoInstances notify) : IClassFixture<TwoInstances>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MembershipAddedThroughAReachesUserAlreadyConnectedToB()
    {
        var (user, group) = (Requests.Unique("u"), Requests.Unique("g"));
        await using var client = await notify.B.ConnectAsync(user);

        await notify.A.JoinAsync(group, user);
        await notify.A.SendAsync(Requests.ToGroups("welcome", group));

        Assert.Equal("welcome", (await client.NextAsync()).Title);
    }

    [Fact]
    public async Task MembershipIsBackAfterReconnectingToTheOtherInstance()
    {
        var (user, group) = (Requests.Unique("u"), Requests.Unique("g"));
        await notify.A.JoinAsync(group, user);
        await (await notify.B.ConnectAsync(user)).DisposeAsync();

        await using var again = await notify.A.ConnectAsync(user);
        await notify.B.SendAsync(Requests.ToGroups("still a member", group));

        Assert.Equal("still a member", (await again.NextAsync()).Title);
    }

    [Fact]
    public async Task RemovedMemberStopsReceivingAtOnce()
    {
        var (user, group) = (Requests.Unique("u"), Requests.Unique("g"));
        await notify.A.JoinAsync(group, user);
        await using var client = await notify.B.ConnectAsync(user);

        var removed = await notify.A.Api.DeleteAsync($"/api/groups/{group}/members/{user}", Ct);
        await notify.A.SendAsync(Requests.ToGroups("not for you", group));
        await notify.A.SendAsync(Requests.ToUsers("marker", user));

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal("marker", (await client.NextAsync()).Title);
    }

    [Fact]
    public async Task MembersAreListedSortedOnEitherInstance()
    {
        var group = Requests.Unique("g");
        await notify.A.JoinAsync(group, "zed");
        await notify.B.JoinAsync(group, "amy");
        await notify.A.JoinAsync(group, "amy");

        var members = await notify.B.Api.GetFromJsonAsync<GroupMembers>($"/api/groups/{group}/members", Ct);

        Assert.Equal(["amy", "zed"], members!.Members);
    }

    [Theory]
    [InlineData("PUT", "bad group!", "u1", "group")]
    [InlineData("PUT", "g", "%20", "userId")]
    [InlineData("GET", "bad group!", null, "group")]
    public async Task BadNamesGetValidationProblem(string method, string group, string? user, string field)
    {
        var path = user is null ? $"/api/groups/{Uri.EscapeDataString(group)}/members" : $"/api/groups/{Uri.EscapeDataString(group)}/members/{user}";
        var response = await notify.A.Api.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(Ct);
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task GroupNameOf65CharactersIsRefusedAnd64Accepted()
    {
        var ok = await notify.A.Api.PutAsync($"/api/groups/{new string('g', 64)}/members/u1", null, Ct);
        var tooLong = await notify.A.Api.PutAsync($"/api/groups/{new string('g', 65)}/members/u1", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task ClientCannotJoinAGroupThroughTheHub()
    {
        var (user, group) = (Requests.Unique("u"), Requests.Unique("g"));
        await using var client = await notify.B.ConnectAsync(user);

        await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync(client.Connection, "JoinGroup", group, Ct));
        await notify.A.SendAsync(Requests.ToGroups("members only", group));
        await notify.A.SendAsync(Requests.ToUsers("marker", user));

        Assert.Equal("marker", (await client.NextAsync()).Title);
        Assert.Empty((await notify.A.Api.GetFromJsonAsync<GroupMembers>($"/api/groups/{group}/members", Ct))!.Members);
    }

    [Fact]
    public async Task EscapedSlashInAUserIdIsDecodedLikeEveryOtherEscape()
    {
        var group = Requests.Unique("g");

        Assert.Equal(HttpStatusCode.NoContent, (await notify.A.Api.PutAsync($"/api/groups/{group}/members/team%2Fann", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await notify.A.Api.PutAsync($"/api/groups/{group}/members/b%C3%B8b", null, Ct)).StatusCode);

        var members = await notify.A.Api.GetFromJsonAsync<GroupMembers>($"/api/groups/{group}/members", Ct);
        Assert.Equal(["bøb", "team/ann"], members!.Members);
    }

    [Fact]
    public async Task UserIdWithAControlCharacterIsRefused()
    {
        var response = await notify.A.Api.PutAsync($"/api/groups/{Requests.Unique("g")}/members/a%0Ab", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("userId", await response.Content.ReadAsStringAsync(Ct));
    }
}
