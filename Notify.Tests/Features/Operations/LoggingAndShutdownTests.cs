using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notify.Tests.Infrastructure;

namespace Notify.Tests.Features.Operations;

public sealed class LoggingAndShutdownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HubTokenInTheQueryStringIsNeverLoggedEvenAtTrace()
    {
        var sink = new ConcurrentQueue<string>();
        await using var instance = await NotifyInstance.StartAsync((string?)null, "notify:", new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        }, configureLogging: logging => logging.AddProvider(new ListLoggerProvider(sink)));
        var token = await instance.TokenAsync("u1");

        var negotiate = await instance.Anonymous().PostAsync($"/hubs/notifications/negotiate?negotiateVersion=1&access_token={token}", null, Ct);
        await using (var client = await instance.ConnectAsync("u1")) { }

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.NotEmpty(sink);
        Assert.DoesNotContain(sink, line => line.Contains(token, StringComparison.Ordinal) || line.Contains("access_token=ey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoppingAnInstanceClosesHubConnectionsAtOnceSoClientsMoveOn()
    {
        var instance = await NotifyInstance.StartAsync((string?)null, "notify:");
        var client = await instance.ConnectAsync("u1");
        var closed = new TaskCompletionSource<Exception?>();
        client.Connection.Closed += e => { closed.TrySetResult(e); return Task.CompletedTask; };
        var lifetime = instance.Services.GetRequiredService<IHostApplicationLifetime>();
        var readyWhileStopping = new TaskCompletionSource<HttpStatusCode>();
        lifetime.ApplicationStopping.Register(() => readyWhileStopping.TrySetResult(
            instance.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>()
                .CheckHealthAsync(c => c.Tags.Contains("ready")).GetAwaiter().GetResult().Status == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable));

        var stopping = instance.DisposeAsync().AsTask();

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await readyWhileStopping.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct));
        await stopping.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        await client.DisposeAsync();
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, sink);
        public void Dispose() { }
    }

    private sealed class ListLogger(string category, ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                line += " " + string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"));
            sink.Enqueue(line);
        }
    }
}
