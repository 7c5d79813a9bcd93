using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Notify.Api.Infrastructure.Health;

/// <summary>Not ready once shutdown begins, so a load balancer stops routing here while in-flight work finishes.</summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Shutting down.")
            : HealthCheckResult.Healthy());
}
