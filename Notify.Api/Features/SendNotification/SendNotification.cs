using System.Text.Json;
using Mediator;
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
    JsonElement? Data) : ICommand<NotificationAccepted>
{
    public static SendNotificationCommand From(SendNotificationRequest r, string caller) => new(
        caller,
        r.To?.Users ?? [],
        r.To?.Groups ?? [],
        r.To?.Everyone ?? false,
        r.Type!,
        r.Title!,
        r.Body ?? "",
        r.Severity ?? Severities.Info,
        r.Link,
        r.Data is { ValueKind: JsonValueKind.Object } data ? data.Clone() : null);
}

public sealed class SendNotificationHandler(LiveDelivery delivery, TimeProvider clock, ILogger<SendNotificationHandler> logger)
    : ICommandHandler<SendNotificationCommand, NotificationAccepted>
{
    public async ValueTask<NotificationAccepted> Handle(SendNotificationCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var notification = new NotificationDto(
            Guid.CreateVersion7(now), 0, now, command.Type, command.Title, command.Body, command.Severity, command.Link, command.Data);

        await delivery.SendAsync(command, notification, ct);
        logger.LogInformation("Notification {NotificationId} of type {Type} from {Caller} sent", notification.Id, command.Type, command.Caller);
        return new NotificationAccepted(notification.Id, notification.CreatedAt);
    }
}
