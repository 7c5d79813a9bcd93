using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Inbox;

/// <summary>Its own deployment: an everyone send reaches every inbox, so it must not leak into other tests' counts.</summary>
public sealed class GroupInboxTests(TwoInstances notify) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task GroupAndEveryoneSendsAppearOnceInEachMembersInbox()
    {
        var (m1, m2, outsider, group) = (Requests.Unique("u"), Requests.Unique("u"), Requests.Unique("u"), Requests.Unique("g"));
        await notify.A.JoinAsync(group, m1);
        await notify.B.JoinAsync(group, m2);

        var toGroup = await notify.A.SendAsync(Requests.ToGroups("team news", group));
        var overlapping = await notify.B.SendAsync(new(new(Users: [m1], Groups: [group]), "test.message", "named and member"));
        var everyone = await notify.A.SendAsync(Requests.ToEveryone(Requests.Unique("all")));

        foreach (var member in new[] { m1, m2 })
        {
            var ids = (await (await notify.B.UserClientAsync(member)).CatchUpAsync(0)).Select(n => n.Id).ToList();
            Assert.Equal(1, ids.Count(id => id == toGroup.Id));
            Assert.Equal(1, ids.Count(id => id == overlapping.Id));
            Assert.Equal(1, ids.Count(id => id == everyone.Id));
        }
        var outsiderIds = (await (await notify.A.UserClientAsync(outsider)).CatchUpAsync(0)).Select(n => n.Id).ToList();
        Assert.DoesNotContain(toGroup.Id, outsiderIds);
        Assert.DoesNotContain(overlapping.Id, outsiderIds);
        Assert.Contains(everyone.Id, outsiderIds);
    }
}
