using Notify.Hubs;

namespace Notify.Api.Infrastructure.Health;

/// <summary>
/// On SIGTERM the hub closes its connections at once (clients reconnect elsewhere), readiness turns unhealthy, and
/// the listener stays open for <c>Shutdown:DrainSeconds</c> (default 5, Development 0) so in-flight requests finish
/// and the load balancer sees the 503s before the port closes. New hub connections get 503 meanwhile, which nginx
/// retries on another instance.
/// </summary>
internal sealed class ShutdownDrain(IConfiguration configuration, IHostEnvironment env, ILogger<ShutdownDrain> logger) : IHostedLifecycleService
{
    public const string Setting = "Shutdown:DrainSeconds";

    private TimeSpan Drain => TimeSpan.FromSeconds(configuration.GetValue<double?>(Setting) ?? (env.IsDevelopment() ? 0 : 5));

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        if (Drain <= TimeSpan.Zero) return;
        logger.LogInformation("Shutting down: unready, draining for {Seconds} s before the listener closes", Drain.TotalSeconds);
        try
        {
            await Task.Delay(Drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout won; stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>While stopping, refuse new hub connections with 503 so they land on another instance.</summary>
    public static IApplicationBuilder UseRefuseHubWhileStopping(IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var lifetime = http.RequestServices.GetRequiredService<IHostApplicationLifetime>();
        if (lifetime.ApplicationStopping.IsCancellationRequested && http.Request.Path.StartsWithSegments(HubsExtensions.HubPath))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "1";
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = { Status = 503, Title = "Service Unavailable", Detail = "This instance is shutting down; connect to another one." },
            });
            return;
        }
        await next(http);
    });
}
