using System.Text.Json;
using Mediator;
using Notify.Api.Infrastructure.Inbox;
using Notify.Api.Infrastructure.Telemetry;
using Notify.Contracts;

namespace Notify.Api.Features.SendNotification;

/// <summary>A validated publish: from here on the request is trusted.</summary>
public sealed record SendNotificationCommand(
    string Caller,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> Groups,
    bool Everyone,
    string Type,
    string Title,
    string Body,
    string Severity,
    string? Link,
    JsonElement? Data,
    IdempotencyClaim? Idempotency = null) : ICommand<SendResult>
{
    public static SendNotificationCommand From(SendNotificationRequest r, string caller, IdempotencyClaim? idempotency) => new(
        caller,
        r.To?.Users ?? [],
        r.To?.Groups ?? [],
        r.To?.Everyone ?? false,
        r.Type!,
        r.Title!,
        r.Body ?? "",
        r.Severity ?? Severities.Info,
        r.Link,
        r.Data is { ValueKind: JsonValueKind.Object } data ? data.Clone() : null,
        idempotency);

    /// <summary>A low-cardinality label for metrics.</summary>
    public string TargetKind => Everyone ? "everyone" : Groups.Count == 0 ? "users" : Users.Count == 0 ? "groups" : "mixed";

    public AppendTargets Targets => Everyone ? new([], [], true) : new(Users, Groups, false);
}

/// <summary>Accepted (new or replayed), or the idempotency key was used before for another request.</summary>
public sealed record SendResult(NotificationAccepted Accepted, bool Replayed, bool KeyReused);

public sealed class SendNotificationHandler(
    IInboxStore inbox, LiveDelivery delivery, NotifyMetrics metrics, TimeProvider clock, ILogger<SendNotificationHandler> logger)
    : ICommandHandler<SendNotificationCommand, SendResult>
{
    public async ValueTask<SendResult> Handle(SendNotificationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var notification = new NotificationDto(
            Guid.CreateVersion7(now), 0, now, command.Type, command.Title, command.Body, command.Severity, command.Link, command.Data);

        // Durable first: a 202 always means stored. If storage is down this throws and the caller gets a 503.
        var outcome = await inbox.AppendAsync(notification, command.Targets, command.Idempotency, ct);
        if (outcome.Replay is { } replay)
            return new SendResult(new NotificationAccepted(replay.Id, replay.CreatedAt), Replayed: true, KeyReused: !replay.SameRequest);

        notification = notification with { Sequence = outcome.Sequence };
        var target = command.TargetKind;
        metrics.Accepted(command.Caller, target);
        try
        {
            // Not the request's token: once stored, a caller that hangs up must not stop the live push.
            await delivery.SendAsync(command, notification, CancellationToken.None);
            metrics.Sent(target, clock.GetUtcNow() - now);
        }
        catch (Exception e)
        {
            // Stored but not pushed live (the backplane is down): clients get it when they catch up.
            logger.LogWarning(e, "Notification {NotificationId} stored but not pushed live", notification.Id);
        }
        logger.LogInformation("Notification {NotificationId} ({Type}) from {Caller} accepted as sequence {Sequence}",
            notification.Id, command.Type, command.Caller, notification.Sequence);
        return new SendResult(new NotificationAccepted(notification.Id, notification.CreatedAt), Replayed: false, KeyReused: false);
    }
}
