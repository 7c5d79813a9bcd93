using System.Text.Json;

namespace Notify.Contracts;

/// <summary>A notification as a recipient sees it, live over the hub and in the inbox.</summary>
/// <param name="Id">The notification's id, the same for every recipient.</param>
/// <param name="Sequence">Its position in the recipient's inbox; it only grows, so a client resumes after the last one it has.</param>
/// <param name="CreatedAt">When it was accepted (UTC).</param>
/// <param name="Type">Its machine-readable kind.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">Its body, possibly empty.</param>
/// <param name="Severity">info, success, warning or error.</param>
/// <param name="Link">The URL it opens, if any.</param>
/// <param name="Data">The publisher's JSON object, if any.</param>
/// <param name="ReadAt">When the recipient read it; null while unread.</param>
public sealed record NotificationDto(
    Guid Id,
    long Sequence,
    DateTimeOffset CreatedAt,
    string Type,
    string Title,
    string Body,
    string Severity,
    string? Link,
    JsonElement? Data,
    DateTimeOffset? ReadAt = null);
