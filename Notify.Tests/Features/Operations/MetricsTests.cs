using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Operations;

public sealed class MetricsTests
{
    [Fact]
    public async Task SentNotificationIsCountedWithCallerTargetLatencyAndRejections()
    {
        await using var instance = await NotifyInstance.StartAsync((string?)null, "notify:");
        var factory = instance.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == factory && instrument.Meter.Name == "Notify") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => measurements.Add((i.Name, v, Tags(tags))));
        listener.Start();
        await using var client = await instance.ConnectAsync("u1");

        await instance.SendAsync(Requests.ToGroups("to a group", "team-a"));
        await instance.Api.PostAsJsonAsync("/api/notifications", new { title = "" }, TestContext.Current.CancellationToken);
        listener.RecordObservableInstruments();

        var accepted = Assert.Single(measurements, m => m.Name == "notify.notifications.accepted");
        Assert.Equal(("dev", "groups"), (accepted.Tags["caller"], accepted.Tags["target"]));
        Assert.Single(measurements, m => m.Name == "notify.deliveries");
        Assert.Single(measurements, m => m.Name == "notify.publish_to_send.duration" && m.Value >= 0);
        Assert.Contains(measurements, m => m.Name == "notify.requests.rejected" && (string?)m.Tags["reason"] == "invalid");
        Assert.Contains(measurements, m => m.Name == "notify.connections" && m.Value == 1);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var t in tags) d[t.Key] = t.Value;
        return d;
    }
}
