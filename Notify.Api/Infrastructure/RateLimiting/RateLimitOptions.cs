using System.ComponentModel.DataAnnotations;

namespace Notify.Api.Infrastructure.RateLimiting;

/// <summary>Token buckets, per instance: per publisher key for the publish and group APIs, per user for the inbox.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, 10_000_000)]
    public int PublishPerSecond { get; set; } = 2000;

    [Range(1, 10_000_000)]
    public int PublishBurst { get; set; } = 4000;

    [Range(1, 100_000)]
    public int InboxPerSecond { get; set; } = 20;

    [Range(1, 100_000)]
    public int InboxBurst { get; set; } = 60;
}
