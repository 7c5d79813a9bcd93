using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Notify.Api.Infrastructure.Health;

internal static class HealthExtensions
{
    public const string ReadyTag = "ready";

    public static void AddNotifyHealth(this IHostApplicationBuilder builder, bool redis)
    {
        builder.Services.AddHostedService<ShutdownDrain>();
        var checks = builder.Services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: [ReadyTag]);
        if (!redis) return;
        builder.Services.AddSingleton<BackplaneCanary>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BackplaneCanary>());
        checks.AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag])
            .Add(new HealthCheckRegistration("backplane", sp => sp.GetRequiredService<BackplaneCanary>(), HealthStatus.Unhealthy, [ReadyTag]));
    }

    /// <summary>/health/live: the process answers. /health/ready: it can store and deliver.</summary>
    public static void MapNotifyHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }, JsonSerializerOptions.Web));
    }
}
