using System.Diagnostics.Metrics;
using Notify.Hubs;

namespace Notify.Api.Infrastructure.Telemetry;

/// <summary>Notify's own instruments, in the "Notify" meter beside ASP.NET Core's and SignalR's.</summary>
public sealed class NotifyMetrics
{
    public const string MeterName = "Notify";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _liveSends;
    private readonly Histogram<double> _publishToSend;
    private readonly Counter<long> _rejected;

    public NotifyMetrics(IMeterFactory meters, ConnectionRegistry connections)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("notify.notifications.accepted", "{notification}", "Notifications stored and answered 202.");
        _liveSends = meter.CreateCounter<long>("notify.deliveries", "{send}", "Live pushes handed to the hub (one per target: user list, group or everyone).");
        _publishToSend = meter.CreateHistogram<double>("notify.publish_to_send.duration", "ms", "From accepting a publish to the live push leaving this instance.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] });
        _rejected = meter.CreateCounter<long>("notify.requests.rejected", "{request}", "Requests answered 4xx or 503, by reason.");
        meter.CreateObservableUpDownCounter("notify.connections", () => connections.Count, "{connection}", "Live hub connections on this instance.");
    }

    public void Accepted(string caller, string target) =>
        _accepted.Add(1, new KeyValuePair<string, object?>("caller", caller), new KeyValuePair<string, object?>("target", target));

    public void Sent(string target, TimeSpan publishToSend)
    {
        var tag = new KeyValuePair<string, object?>("target", target);
        _liveSends.Add(1, tag);
        _publishToSend.Record(publishToSend.TotalMilliseconds, tag);
    }

    public void Rejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
