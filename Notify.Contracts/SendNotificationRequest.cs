using System.Text.Json;

namespace Notify.Contracts;

/// <summary>The body of <c>POST /api/notifications</c>.</summary>
/// <param name="To">The recipients.</param>
/// <param name="Type">A machine-readable kind such as <c>order.shipped</c>: 1 to 100 of <c>[a-z0-9._-]</c>.</param>
/// <param name="Title">1 to 200 characters.</param>
/// <param name="Body">0 to 4000 characters.</param>
/// <param name="Severity">One of <see cref="Severities.All"/>; <c>info</c> when omitted.</param>
/// <param name="Link">An absolute http(s) URL the notification opens.</param>
/// <param name="Data">A JSON object of at most 16 KiB, passed through untouched.</param>
public sealed record SendNotificationRequest(
    Recipients? To,
    string? Type,
    string? Title,
    string? Body = null,
    string? Severity = null,
    string? Link = null,
    JsonElement? Data = null);
