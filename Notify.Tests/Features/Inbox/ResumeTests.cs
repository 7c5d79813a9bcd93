using Microsoft.AspNetCore.SignalR.Client;
using Notify.Contracts;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Inbox;

/// <summary>Nothing accepted is lost: whatever happened to the connection, the client ends with everything once, in order.</summary>
public sealed class ResumeTests(SharedRedis redis) : IAsyncLifetime
{
    private readonly string _prefix = $"resume-{Guid.NewGuid():N}:";
    private NotifyInstance _a = null!;
    private NotifyInstance _b = null!;

    public async ValueTask InitializeAsync()
    {
        _a = await NotifyInstance.StartAsync(redis, _prefix);
        _b = await NotifyInstance.StartAsync(redis, _prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task OfflineUserCatchesUpOnEverySendThroughEitherInstance()
    {
        var user = Requests.Unique("u");
        var client = await _b.ConnectAsync(user);
        var first = await _a.SendAsync(Requests.ToUsers("before going offline", user));
        var last = await client.NextAsync();
        Assert.Equal(first.Id, last.Id);
        await client.DisposeAsync();

        var sent = new List<Guid>();
        for (var i = 0; i < 200; i++)
            sent.Add((await (i % 2 == 0 ? _a : _b).SendAsync(Requests.ToUsers($"while offline #{i}", user))).Id);

        await using var again = await _b.ConnectAsync(user);
        var caughtUp = await (await _b.UserClientAsync(user)).CatchUpAsync(last.Sequence);

        Assert.Equal(sent, caughtUp.Select(n => n.Id));
        Assert.True(caughtUp.Zip(caughtUp.Skip(1)).All(p => p.First.Sequence < p.Second.Sequence));
    }

    [Fact]
    public async Task ClientOfAStoppedInstanceResumesOnTheOtherWithoutLossOrDuplicates()
    {
        var user = Requests.Unique("u");
        var held = new Dictionary<Guid, NotificationDto>();
        long lastSequence = 0;
        void Hold(NotificationDto n)
        {
            lock (held)
            {
                // The client keeps the first copy of each id and remembers where it is.
                held.TryAdd(n.Id, n);
                lastSequence = Math.Max(lastSequence, n.Sequence);
            }
        }

        var onB = await _b.ConnectAsync(user);
        var closed = new TaskCompletionSource();
        onB.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        onB.Connection.On<NotificationDto>("NotificationReceived", Hold);

        var sent = new List<Guid>();
        var firstHundredSeen = onB.WaitForAsync("#100", TimeSpan.FromSeconds(30));
        var sending = Task.Run(async () =>
        {
            for (var i = 0; i < 500; i++)
                sent.Add((await _a.SendAsync(Requests.ToUsers($"#{i}", user))).Id);
        }, TestContext.Current.CancellationToken);

        await firstHundredSeen;
        await _b.DisposeAsync();                       // the instance dies mid-stream
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // The resume point is where the old connection ended, taken before live sends on the new one arrive.
        long resumeFrom;
        lock (held) resumeFrom = lastSequence;
        await using var onA = await _a.ConnectAsync(user);
        onA.Connection.On<NotificationDto>("NotificationReceived", Hold);
        var inbox = await _a.UserClientAsync(user);
        foreach (var n in await inbox.CatchUpAsync(resumeFrom)) Hold(n);

        await sending.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => { lock (held) return Task.FromResult(held.Count >= 500); },
            TimeSpan.FromSeconds(10), "the live sends after the catch-up");

        List<Guid> ordered;
        lock (held) ordered = [.. held.Values.OrderBy(n => n.Sequence).Select(n => n.Id)];
        Assert.Equal(500, sent.Count);
        Assert.Equal(sent, ordered);
        _b = await NotifyInstance.StartAsync(redis, _prefix); // for DisposeAsync
    }
}
