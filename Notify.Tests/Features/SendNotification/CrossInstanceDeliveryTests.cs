using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.SendNotification;

public sealed class CrossInstanceDeliveryTests(TwoInstances notify) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task UserOnBReceivesWhatIsPostedToA()
    {
        var user = Requests.Unique("u");
        await using var client = await notify.B.ConnectAsync(user);

        var accepted = await notify.A.SendAsync(Requests.ToUsers("Your order shipped", user));

        var received = await client.NextAsync();
        Assert.Equal(accepted.Id, received.Id);
        Assert.Equal("Your order shipped", received.Title);
        Assert.Equal("info", received.Severity);
    }

    [Fact]
    public async Task GroupMemberOnBReceivesGroupSendOnA()
    {
        var (member, outsider, group) = (Requests.Unique("u"), Requests.Unique("u"), Requests.Unique("g"));
        await notify.A.JoinAsync(group, member);
        await using var memberClient = await notify.B.ConnectAsync(member);
        await using var outsiderClient = await notify.B.ConnectAsync(outsider);

        await notify.A.SendAsync(Requests.ToGroups("For the team", group));
        await notify.A.SendAsync(Requests.ToUsers("marker", outsider));

        Assert.Equal("For the team", (await memberClient.NextAsync()).Title);
        Assert.Equal("marker", (await outsiderClient.NextAsync()).Title);
    }

    [Fact]
    public async Task EveryoneOnAAndBReceivesAnEveryoneSend()
    {
        await using var onA = await notify.A.ConnectAsync(Requests.Unique("u"));
        await using var onB = await notify.B.ConnectAsync(Requests.Unique("u"));
        var title = Requests.Unique("everyone");

        await notify.A.SendAsync(Requests.ToEveryone(title));

        await onA.WaitForAsync(title);
        await onB.WaitForAsync(title);
    }

    [Fact]
    public async Task UserNamedAndInTwoGroupsGetsOneCopy()
    {
        var (user, g1, g2) = (Requests.Unique("u"), Requests.Unique("g"), Requests.Unique("g"));
        await notify.A.JoinAsync(g1, user);
        await notify.A.JoinAsync(g2, user);
        await using var client = await notify.B.ConnectAsync(user);

        await notify.A.SendAsync(new(new(Users: [user], Groups: [g1, g2]), "test.message", "once"));
        await notify.A.SendAsync(new(new(Groups: [g1, g2]), "test.message", "once again"));
        await notify.A.SendAsync(Requests.ToUsers("marker", user));

        await client.WaitForAsync("marker");
        Assert.Equal(["once", "once again", "marker"], client.Received.Select(n => n.Title));
    }

    [Fact]
    public async Task UserNeverReceivesAnotherUsersNotification()
    {
        var (u1, u2) = (Requests.Unique("u1"), Requests.Unique("u2"));
        await using var c1 = await notify.B.ConnectAsync(u1);
        await using var c2A = await notify.A.ConnectAsync(u2);
        await using var c2B = await notify.B.ConnectAsync(u2);

        for (var i = 0; i < 20; i++)
            await (i % 2 == 0 ? notify.A : notify.B).SendAsync(Requests.ToUsers($"for u1 #{i}", u1));
        await notify.A.SendAsync(Requests.ToUsers("marker", u2));

        await c2A.WaitForAsync("marker");
        await c2B.WaitForAsync("marker");
        await c1.WaitForAsync("for u1 #19");
        Assert.Equal(["marker"], c2A.Received.Select(n => n.Title));
        Assert.Equal(["marker"], c2B.Received.Select(n => n.Title));
        Assert.Equal(20, c1.Received.Count);
    }

    [Fact]
    public async Task TwoDeploymentsWithDifferentPrefixesOnOneRedisDoNotSeeEachOther()
    {
        await using var other = await NotifyInstance.StartAsync(notify.Redis, $"other-{Guid.NewGuid():N}:");
        var user = Requests.Unique("u");
        await using var onOther = await other.ConnectAsync(user);
        await using var onB = await notify.B.ConnectAsync(user);

        await notify.A.SendAsync(Requests.ToUsers("this deployment", user));
        await notify.A.SendAsync(Requests.ToEveryone("this deployment, everyone"));
        await other.SendAsync(Requests.ToUsers("other deployment", user));

        await onB.WaitForAsync("this deployment");
        Assert.Equal("other deployment", (await onOther.NextAsync()).Title);
        await onB.WaitForAsync("this deployment, everyone");
        Assert.Single(onOther.Received);
    }
}
