using System.ComponentModel.DataAnnotations;

namespace Notify.Api.Infrastructure.Inbox;

/// <summary>How long and how much of each user's inbox is kept.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 30;

    /// <summary>The newest this many notifications are a user's inbox; older ones are trimmed.</summary>
    [Range(1, 10_000)]
    public int MaxPerUser { get; set; } = 1000;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
