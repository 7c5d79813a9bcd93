using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Notify.Contracts;
using Notify.Hubs;

namespace Notify.Tests.Infrastructure;

/// <summary>A hub connection that records what it receives, so tests wait on events, never on time.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private readonly Channel<NotificationDto> _received = Channel.CreateUnbounded<NotificationDto>();
    private readonly List<NotificationDto> _all = [];
    private readonly Channel<(string Event, JsonElement Payload)> _events = Channel.CreateUnbounded<(string, JsonElement)>();

    public HubClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<SessionStarted>(nameof(INotificationClient.SessionStarted), s => _started.TrySetResult(s));
        connection.Closed += e =>
        {
            _started.TrySetException(e ?? new InvalidOperationException("The server closed the connection before the session started."));
            return Task.CompletedTask;
        };
        connection.On<NotificationDto>(nameof(INotificationClient.NotificationReceived), n =>
        {
            lock (_all) _all.Add(n);
            _received.Writer.TryWrite(n);
        });
        foreach (var name in new[]
                 {
                     nameof(INotificationClient.NotificationRead), nameof(INotificationClient.AllNotificationsRead),
                     nameof(INotificationClient.NotificationDeleted), nameof(INotificationClient.UnreadCountChanged),
                 })
            connection.On<JsonElement>(name, payload => _events.Writer.TryWrite((name, payload)));
        connection.On(nameof(INotificationClient.ResyncRequested), () => _events.Writer.TryWrite((nameof(INotificationClient.ResyncRequested), default)));
    }

    private readonly TaskCompletionSource<SessionStarted> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HubConnection Connection { get; }

    /// <summary>Completes when the server says the connection is in its groups.</summary>
    public Task<SessionStarted> Started => _started.Task;

    public IReadOnlyList<NotificationDto> Received
    {
        get { lock (_all) return [.. _all]; }
    }

    /// <summary>The next notification, or a TimeoutException.</summary>
    public async Task<NotificationDto> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _received.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("No notification arrived in time.");
        }
    }

    /// <summary>Waits for a notification with this title, skipping others.</summary>
    public async Task<NotificationDto> WaitForAsync(string title, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"'{title}' did not arrive in time.");
            var next = await NextAsync(left);
            if (next.Title == title) return next;
        }
    }

    /// <summary>Waits for a hub event by name and returns its payload.</summary>
    public async Task<JsonElement> NextEventAsync(string name, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var (evt, payload) = await _events.Reader.ReadAsync(cts.Token);
            if (evt == name) return payload;
        }
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
