using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Notify.Api.Infrastructure.Telemetry;

internal static class TelemetryExtensions
{
    /// <summary>
    /// Metrics always exist (in-process listeners see them); they leave the process only when an OTLP endpoint is
    /// configured through the standard OTEL_EXPORTER_OTLP_ENDPOINT variable.
    /// </summary>
    public static void AddNotifyTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NotifyMetrics>();
        // Never log the hub's ?access_token=: hosting's "Request starting" line carries the whole query string.
        // Warning, not None: the category's warnings (an overridden HTTP_PORTS) and start-up errors still matter, and
        // while it is on, hosting keeps the W3C trace context of each request.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Warning);
        // A configuration mistake is reported in one line by Program.cs; the host's own report repeats it as a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("notify"))
            .WithMetrics(m => m
                .AddMeter(NotifyMetrics.MeterName)
                .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel",
                    "Microsoft.AspNetCore.Http.Connections", "Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.RateLimiting")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter());
    }

    /// <summary>Counts every rejected request by reason, wherever in the pipeline it was rejected.</summary>
    public static IApplicationBuilder UseRejectionMetrics(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            await next(http);
            if (Reason(http.Response.StatusCode) is { } reason)
                http.RequestServices.GetRequiredService<NotifyMetrics>().Rejected(reason);
        });

    private static string? Reason(int status) => status switch
    {
        400 => "invalid",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not_found",
        413 => "too_large",
        422 => "idempotency_conflict",
        429 => "rate_limited",
        503 => "unavailable",
        _ => null,
    };
}
